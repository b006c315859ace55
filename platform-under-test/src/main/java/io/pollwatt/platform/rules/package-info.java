/**
 * The rules of the rulebook (domain-rules §3–§6) as pure computation over one enterprise's stored data: the
 * configuration with every threshold under its key ({@link io.pollwatt.platform.rules.RuleConfig}), the grid and
 * series the rules read, episodes with the rulebook's gap bridging, the shared states, and the
 * {@link io.pollwatt.platform.rules.Finding}s they report. Rule families live in the sub-packages; storing findings
 * as alarms is {@code io.pollwatt.platform.alarms}'s job.
 */
package io.pollwatt.platform.rules;
