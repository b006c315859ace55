package io.pollwatt.platform.ingest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the frames of one device connection on its event loop, stamps each with its receipt time and hands it to
 * the {@link IngestWriter}, which files it (evidence, quarantine or data) and answers it once it is durable.
 */
final class IngestHandler extends SimpleChannelInboundHandler<ReceivedFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final IngestWriter writer;
    private final Clock clock;

    IngestHandler(IngestWriter writer, Clock clock) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
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
