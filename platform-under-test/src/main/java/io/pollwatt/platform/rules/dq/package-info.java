/**
 * Data-quality rules of domain-rules §5 that judge samples, configuration and devices: negative power (DQ-08),
 * frozen values (DQ-12), electrical sanity (DQ-17), sub-points above MAIN in real time (DQ-11), a ratio step
 * (DQ-14), missing points (DQ-01…04), no first data (DQ-05), offline and garbled transmission (DQ-06) and
 * unregistered points (DQ-15). {@link io.pollwatt.platform.rules.dq.DqSampleRules#all()} lists them in run order.
 */
package io.pollwatt.platform.rules.dq;
