package io.pollwatt.platform.state;

/** ST-01: the states of a point or a treatment group. */
public enum OperatingState {
    /** No usable sample (missing, off the grid, a data flag other than N or T). */
    NO_DATA,
    /** 停运: not running (a production point between P_floor and P_on is on standby: OFF too). */
    OFF,
    /** 低负荷: a treatment point running below {@code state.lowLoadRatio} of its reference (slowed, idling). */
    LOW,
    /** 运行: running. */
    RUN,
    /** 超限: above P_hi. */
    HIGH;

    /** Whether the point counts as running (RUN or HIGH: "running" in the rules). */
    public boolean running() {
        return this == RUN || this == HIGH;
    }

    /** Whether the point is on (RUN, LOW or HIGH: what the hysteresis of ST-03 keeps on). */
    public boolean on() {
        return this == RUN || this == LOW || this == HIGH;
    }
}
