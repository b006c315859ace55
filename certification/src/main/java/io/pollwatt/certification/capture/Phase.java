package io.pollwatt.certification.capture;

/** The phases of a device certification run, as recorded in a capture's events. */
public enum Phase {
    /** The tester acknowledges everything and watches. */
    OBSERVE("observe"),
    /** The tester sends the parameter and time commands. */
    COMMANDS("commands"),
    /** The tester asks for history. */
    RETRIEVAL("retrieval"),
    /** The tester answers the next upload with a damaged 9014 (MAL-01). */
    MALFORMED_ANSWER("malformed-answer"),
    /** The tester withholds the answers to the next upload (RTY-01). */
    WITHHELD_ACKS("withheld-acks"),
    /** The tester refuses connections (RSD-01). */
    REFUSED_CONNECTIONS("refused-connections"),
    /** After the refusal: the device resends. */
    RESEND("resend");

    private final String id;

    Phase(String id) {
        this.id = id;
    }

    /** The name written in captures. */
    public String id() {
        return id;
    }

    /** The phase of a name. */
    public static Phase of(String id) {
        for (Phase p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + id + "'");
    }
}
