package io.pollwatt.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Hj212Message;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an {@link Hj212Message} as one strictly conformant HJ 212-2017 frame ({@link Hj212Codec#encode(Hj212Message,
 * Direction)}: hj212-2017.md §2, byte-count length, upper-case CRC, CR LF).
 *
 * <p>A message whose content is not strictly conformant is a programming error, not bad input: the codec throws
 * {@link IllegalArgumentException}, Netty wraps it in an {@code EncoderException} and the write's future fails with
 * it. Nothing is sent in that case.
 *
 * <p>To send bytes that are deliberately not conformant (an emulated faulty device, a replayed capture), write them
 * as a {@link ByteBuf}: this encoder lets anything that is not an {@code Hj212Message} pass untouched.
 *
 * <p>Stateless and {@link ChannelHandler.Sharable}; take the shared instance from {@link #forDirection}.
 */
@ChannelHandler.Sharable
public final class Hj212MessageEncoder extends MessageToByteEncoder<Hj212Message> {

    private static final Map<Direction, Hj212MessageEncoder> SHARED = sharedInstances();

    private final Direction direction;

    private Hj212MessageEncoder(Direction direction) {
        super(Hj212Message.class);
        this.direction = direction;
    }

    /**
     * The shared encoder for frames sent in {@code direction}: {@link Direction#DOWN} on a platform,
     * {@link Direction#UP} on a device. The direction adds the checks that depend on it (an upload needs data, a
     * history request needs BeginTime and EndTime; §19); {@link Direction#UNKNOWN} skips them.
     */
    public static Hj212MessageEncoder forDirection(Direction direction) {
        return SHARED.get(Objects.requireNonNull(direction, "direction"));
    }

    /** The direction whose checks this encoder applies. */
    public Direction direction() {
        return direction;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Hj212Message message, ByteBuf out) {
        out.writeBytes(Hj212Codec.encode(message, direction));
    }

    private static Map<Direction, Hj212MessageEncoder> sharedInstances() {
        Map<Direction, Hj212MessageEncoder> map = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            map.put(d, new Hj212MessageEncoder(d));
        }
        return map;
    }
}
