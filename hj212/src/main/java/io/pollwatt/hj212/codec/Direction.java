package io.pollwatt.hj212.codec;

/**
 * Who sent a frame. Some checks depend on it: an empty CP is a valid 2011 <em>request</em> (platform to device)
 * but not a valid 2011 <em>upload</em>; a history request needs BeginTime and EndTime (hj212-2017.md §19 step 9).
 */
public enum Direction {
    /** Field device (DTU, 数采仪) to platform. */
    UP,
    /** Platform to field device. */
    DOWN,
    /** Not known: the direction-dependent checks are skipped. */
    UNKNOWN;

    /** Parses {@code up}/{@code down} as the vectors write them; anything else is {@link #UNKNOWN}. */
    public static Direction fromVector(String text) {
        if ("up".equals(text)) {
            return UP;
        }
        if ("down".equals(text)) {
            return DOWN;
        }
        return UNKNOWN;
    }
}
