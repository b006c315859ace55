/**
 * Alarms: the rules run over stored data as it arrives and over stored ranges ({@link
 * io.pollwatt.platform.alarms.RuleService}), read through {@link io.pollwatt.platform.alarms.RuleLoader}, and their
 * findings kept as alarms with a lifecycle and a review ({@link io.pollwatt.platform.alarms.AlarmStore}).
 */
package io.pollwatt.platform.alarms;
