package io.pollwatt.twin.site;

/**
 * Which active-energy register a meter reports as its energy reading. Most meters report import (正向有功总电能),
 * which only grows; some report combined active energy (组合有功总电能, import − export), which falls while the
 * measured power is negative — so a reversed CT on such a meter shows as negative energy (DQ-07, §10 row 13).
 */
public enum ReportedEnergy {
    /** 正向有功总电能: grows with positive measured power, stalls while it is negative. */
    IMPORT,
    /** 组合有功总电能 = import − export: falls while the measured power is negative. */
    COMBINED
}
