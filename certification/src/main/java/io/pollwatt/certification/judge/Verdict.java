package io.pollwatt.certification.judge;

/** The verdict of one case. */
public enum Verdict {
    /** The device met the pass criteria. */
    PASS,
    /** The device did not; the evidence says where. */
    FAIL,
    /** The case does not apply: not the profile, not declared, or it needs a live device and this is a replay. */
    NOT_APPLICABLE,
    /** The case applies but the conversation holds too little to judge it. */
    INCONCLUSIVE
}
