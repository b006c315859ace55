/**
 * The testbed wired in one process: {@link io.pollwatt.verification.testbed.VirtualRun} runs twins, emulated devices
 * and the reference platform on one virtual clock; {@link io.pollwatt.verification.testbed.ScenarioDatabase} gives each
 * scenario a fresh platform database.
 */
package io.pollwatt.verification.testbed;
