/**
 * Rule validation for a standards committee ({@code testbed validate-rules}): a generated population with random
 * faults runs once on the virtual clock, then the platform's rules are re-run over the stored data for each value of
 * each rule's main threshold and scored against the staged faults, giving precision and recall per threshold.
 */
package io.pollwatt.verification.validation;
