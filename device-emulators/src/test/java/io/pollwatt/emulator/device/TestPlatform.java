package io.pollwatt.emulator.device;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An in-memory platform for the sender's tests: judges every frame in strict mode, answers uploads with 9014 after
 * a delay unless told to stay silent, and can be unreachable for windows of virtual time.
 */
public final class TestPlatform implements Uplink {

    public final SimTime time;
    public final List<Hj212Message> received = new ArrayList<>();
    public final List<Decoded.Rejected> rejected = new ArrayList<>();
    public Sender sender;
    public Predicate<Instant> down = t -> false;
    public Predicate<Hj212Message> silent = m -> false;
    public Duration answerDelay = Duration.ofMillis(300);

    public TestPlatform(SimTime time) {
        this.time = time;
    }

    @Override
    public boolean isUp() {
        return !down.test(time.now());
    }

    @Override
    public boolean send(byte[] frame) {
        if (!isUp()) {
            return false;
        }
        Decoded d = Hj212Codec.strict().decode(frame, Direction.UP);
        if (d instanceof Decoded.Rejected r) {
            rejected.add(r);
            return true;
        }
        Hj212Message m = ((Decoded.Ok) d).message();
        received.add(m);
        if (!silent.test(m)) {
            byte[] ack = Hj212Codec.encode(Reply.dataAnswer(m.header()), Direction.DOWN);
            time.schedule(answerDelay, () -> {
                if (isUp()) {
                    sender.onFrame(Hj212Codec.strict().decode(ack, Direction.DOWN));
                }
            });
        }
        return true;
    }

    /** The DataTimes received, in arrival order. */
    public List<String> dataTimes() {
        return received.stream().map(m -> ((DataUpload) m).dataTimeText()).toList();
    }
}
