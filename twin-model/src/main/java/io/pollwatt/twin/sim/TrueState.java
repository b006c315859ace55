package io.pollwatt.twin.sim;

/** The physical state of a point as the twin knows it (ground truth for ST-01's states). */
public enum TrueState {
    /** Not running (停运). */
    OFF,
    /** Running under-loaded (低负荷 / 降频): a treatment fan slowed down. */
    LOW,
    /** Running (运行). */
    RUN,
    /** Running above its upper limit (超限). */
    HIGH
}
