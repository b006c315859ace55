package io.pollwatt.platform.ingest;

import io.netty.channel.Channel;
import io.pollwatt.hj212.codec.Decoded;
import java.time.Instant;

/**
 * One frame as received, on its way to the writer: the connection to answer on, when and from where it came, its
 * bytes exactly as received (the evidence) and what the codec made of them.
 */
record Inbound(Channel channel, Instant receivedAt, String peer, byte[] raw, Decoded decoded) {}
