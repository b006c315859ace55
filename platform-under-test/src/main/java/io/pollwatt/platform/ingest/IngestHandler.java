package io.pollwatt.platform.ingest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the frames of one device connection on its event loop, stamps each with its receipt time and hands it to
 * the {@link IngestWriter}, which files it (evidence, quarantine or data) and answers it once it is durable.
 */
final class IngestHandler extends SimpleChannelInboundHandler<ReceivedFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final List<IngestWriter> writers;
    private final Clock clock;

    IngestHandler(List<IngestWriter> writers, Clock clock) {
        this.writers = List.copyOf(writers);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
        String mn = frame.decoded() instanceof Decoded.Ok ok ? ok.message().mn() : null;
        // one writer per MN: a device's frames stay in order and its evidence chain in one place
        IngestWriter writer = mn == null ? writers.get(0) : writers.get(Math.floorMod(mn.hashCode(), writers.size()));
        writer.submit(new Inbound(
                ctx.channel(),
                // PostgreSQL keeps microseconds: the evidence hash must cover the time exactly as stored
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                String.valueOf(ctx.channel().remoteAddress()),
                frame.raw().toByteArray(),
                frame.decoded()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
