package io.pollwatt.hj212.message;

/**
 * One HJ 212-2017 message: a header and a CP data area. Three kinds, told apart by CN and content:
 *
 * <ul>
 *   <li>{@link Reply}: CN 9011–9014, the answers of §9.2;
 *   <li>{@link DataUpload}: any other message whose CP carries {@code DataTime} (real-time, minute, hour, day data,
 *       facility state, boot time, returned history records, device info);
 *   <li>{@link Command}: everything else: requests, notifications and returned parameters such as {@code
 *       SystemTime} or {@code RtdInterval}.
 * </ul>
 *
 * <p>Dispatch with an {@code instanceof} chain; Java 17 has no pattern switch.
 */
public sealed interface Hj212Message permits DataUpload, Command, Reply {

    /** The header. */
    Header header();

    /** The data area. */
    Cp cp();

    /** The command code. */
    default CommandCode cn() {
        return header().cn();
    }

    /** The device's MN. */
    default String mn() {
        return header().mn();
    }

    /**
     * Builds the message of the right kind for a header and data area: {@link Reply} for 9011–9014, {@link
     * DataUpload} when the CP has {@code DataTime}, {@link Command} otherwise.
     */
    static Hj212Message of(Header header, Cp cp) {
        int cn = header.cn().value();
        if (cn >= 9011 && cn <= 9014) {
            return new Reply(header, cp);
        }
        if (cp.has("DataTime")) {
            return new DataUpload(header, cp);
        }
        return new Command(header, cp);
    }
}
