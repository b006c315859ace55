/**
 * Aggregation (domain-rules §2, AGG-01…06): snapping records to the 15-minute grid, interval energy from the
 * register with the rollover, reset and jump tests, hourly and daily totals from either reading of the seed
 * (register or interval totals), hourly and daily means, validity and completeness. Pure computation over one
 * point's readings: it knows neither the database nor HJ 212, so the same code serves live data, backfill and a
 * replay, and every figure can be checked by hand (AC-08).
 */
package io.pollwatt.platform.aggregate;
