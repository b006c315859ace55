package io.pollwatt.twin.site;

/** The metering point types of domain-rules §1.1. */
public enum FacilityKind {
    /** 总进线 / 企业总电: an incoming line of the enterprise. */
    MAIN,
    /** 产污设施: a pollution-producing production facility or line. */
    PROD,
    /** 治污设施: a pollution-control facility (fan, pump, UV, heater…). */
    TREAT,
    /** 产治一体: one circuit feeding production and treatment; counts as production, never as treatment (D6). */
    PROD_TREAT,
    /** 间接用电: auxiliary, office, other; counts in sums only. */
    INDIRECT
}
