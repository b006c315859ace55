/**
 * State determination (domain-rules §3, ST-01…09): whether each point runs, from its power with the current as
 * fallback, with hysteresis, debounce and the derived defaults when the enterprise entered no threshold; the state
 * of a treatment group with its primary and backup members; daily operating statistics. Pure computation over
 * samples in DataTime order, so a replay over stored data gives the states a live run gave.
 */
package io.pollwatt.platform.state;
