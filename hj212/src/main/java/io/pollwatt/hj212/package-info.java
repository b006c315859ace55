/**
 * HJ 212-2017 (《污染物在线监控（监测）系统数据传输标准》) for pollwatt: frames, messages, CRC, packetisation.
 *
 * <p>Pure and JDK only: bytes in, records out, and back. No I/O, no clock, no logging. The entry point is
 * {@link io.pollwatt.hj212.codec.Hj212Codec}; the stream framer is {@link io.pollwatt.hj212.codec.StreamFramer}.
 */
package io.pollwatt.hj212;
