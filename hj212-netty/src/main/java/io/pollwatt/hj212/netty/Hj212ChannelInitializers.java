package io.pollwatt.hj212.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Installs the HJ 212-2017 handlers on a channel, the same way for both roles (hj212-2017.md §1: the device is the
 * TCP client, the platform listens, and both send and receive frames on the one connection):
 *
 * <pre>
 *   [hj212-idle] → hj212-decoder → hj212-encoder → application
 * </pre>
 *
 * <ul>
 *   <li>a platform's server child channel receives {@link Direction#UP} and sends {@link Direction#DOWN};
 *   <li>a device's client channel receives {@link Direction#DOWN} and sends {@link Direction#UP}.
 * </ul>
 *
 * <p>The optional read timeout installs an {@link IdleStateHandler} whose reader-idle event makes the decoder drop a
 * frame that stopped arriving (§2); it does not close the connection.
 */
public final class Hj212ChannelInitializers {

    /** Name of the idle-state handler, present only with a read timeout. */
    public static final String IDLE = "hj212-idle";
    /** Name of the {@link Hj212FrameDecoder}. */
    public static final String DECODER = "hj212-decoder";
    /** Name of the {@link Hj212MessageEncoder}. */
    public static final String ENCODER = "hj212-encoder";

    private Hj212ChannelInitializers() {}

    /**
     * Adds the handlers at the end of {@code pipeline}.
     *
     * @param mode how strictly received frames are judged (platforms accept {@link Mode#LENIENT})
     * @param inbound who sends the frames this channel receives; replies go the other way
     * @param readTimeout how long a partial frame may wait for its rest; {@link Duration#ZERO} for no timeout
     */
    public static void install(ChannelPipeline pipeline, Mode mode, Direction inbound, Duration readTimeout) {
        Objects.requireNonNull(pipeline, "pipeline");
        checkArguments(mode, inbound, readTimeout);
        if (!readTimeout.isZero()) {
            pipeline.addLast(IDLE, new IdleStateHandler(readTimeout.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        }
        pipeline.addLast(DECODER, new Hj212FrameDecoder(Hj212Codec.of(mode), inbound));
        pipeline.addLast(ENCODER, Hj212MessageEncoder.forDirection(opposite(inbound)));
    }

    /**
     * An initializer for a server's child channels or a client's channel: the handlers of {@link #install}, then a
     * new application handler from {@code application} for each channel.
     */
    public static ChannelInitializer<Channel> of(
            Mode mode, Direction inbound, Duration readTimeout, Supplier<? extends ChannelHandler> application) {
        Objects.requireNonNull(application, "application");
        checkArguments(mode, inbound, readTimeout); // fail when wiring the bootstrap, not on the first connection
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                install(ch.pipeline(), mode, inbound, readTimeout);
                ch.pipeline().addLast(application.get());
            }
        };
    }

    private static void checkArguments(Mode mode, Direction inbound, Duration readTimeout) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must not be negative, got " + readTimeout);
        }
    }

    private static Direction opposite(Direction inbound) {
        if (inbound == Direction.UP) {
            return Direction.DOWN;
        } else if (inbound == Direction.DOWN) {
            return Direction.UP;
        }
        return Direction.UNKNOWN;
    }
}
