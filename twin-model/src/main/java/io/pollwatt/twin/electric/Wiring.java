package io.pollwatt.twin.electric;

/** How a meter is connected (接线方式), domain-rules EM-01/EM-02. */
public enum Wiring {
    /** Three-phase four-wire (三相四线, Y with neutral): three elements, phase voltages and per-phase powers. */
    THREE_PHASE_FOUR_WIRE,
    /**
     * Three-phase three-wire (三相三线, two-element / Aron): element 1 is Uab with Ia, element 2 is Ucb with Ic; Ib is
     * not measured and per-phase powers have no meaning.
     */
    THREE_PHASE_THREE_WIRE
}
