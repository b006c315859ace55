package io.pollwatt.emulator.device;

/**
 * One deliberate protocol defect an emulated device can be made to have, for the certification self-test only
 * (certification module, docs/certification.md "Self-test"): a certifier must fail a device with the defect on
 * exactly the matching case(s) and pass it on every other. Devices have {@link #NONE} unless {@link
 * FieldDevice#inject} says otherwise; the fleet and the scenarios never inject one.
 */
public enum DtuDefect {
    /** No defect: strict HJ 212-2017. */
    NONE,
    /** CRC-16/MODBUS instead of the HJ 212 CRC of Appendix A (hj212-2017.md §4.2). */
    WRONG_CRC_VARIANT,
    /** The CRC written in lower-case hex (hj212-2017.md §4.3). */
    LOWERCASE_CRC,
    /** The length field counts characters (UTF-16 units), not UTF-8 bytes; shows only on non-ASCII frames (§3). */
    LENGTH_IN_CHARACTERS,
    /** Sends the next upload before the answer to the last one arrives, and never retries an unanswered one. */
    NO_ACK_WAIT,
    /** After a reconnect, sends again the last records the platform had already acknowledged. */
    RESEND_DUPLICATES,
    /** The hour record's (2061) mean power does not match its energy (a quarter too high). */
    WRONG_HOUR_AVERAGE,
    /** Answers no history request (2051/2061/2031 with BeginTime/EndTime): no 9011, no records, no 9012. */
    IGNORES_RETRIEVAL,
    /**
     * Never builds the last packet of a split message (hj212-2017.md §12): PNUM counts it, but the packetising loop
     * stops one short ({@code PNO < PNUM}), so the record is incomplete in the store, live and on retrieval alike.
     * Shows only on a device whose records are split (two meters or more on a DTU).
     */
    DROPS_LAST_PACKET;

    /** Whether the defect is in how frames are written (applied to every frame the device sends). */
    boolean framing() {
        return this == WRONG_CRC_VARIANT || this == LOWERCASE_CRC || this == LENGTH_IN_CHARACTERS;
    }
}
