/**
 * Scoring against the twin's ground truth: every alarm the platform stored is matched to the faults a scenario
 * staged (each fault names the rules that must raise an alarm for it and those that must not fire, domain-rules
 * §10), giving per rule detections, misses, false alarms and detection delays ({@link
 * io.pollwatt.verification.scoring.Scorer}), and the tally of a whole suite ({@link
 * io.pollwatt.verification.scoring.RuleTally}).
 */
package io.pollwatt.verification.scoring;
