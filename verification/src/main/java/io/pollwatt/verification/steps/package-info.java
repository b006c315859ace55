/**
 * The scenario catalogue's glue (style.md §12): a per-scenario {@link io.pollwatt.verification.steps.ScenarioWorld},
 * injected by cucumber-picocontainer, and the step definitions in the rulebook's Chinese words. The features live in
 * scenario-specs under {@code features/}; docs/scenarios.md lists the vocabulary.
 */
package io.pollwatt.verification.steps;
