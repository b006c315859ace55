/** JMH benchmarks of the HJ212 codec against a CRC-plus-scan baseline (docs/benchmarks.md). */
package io.pollwatt.benchmarks;
