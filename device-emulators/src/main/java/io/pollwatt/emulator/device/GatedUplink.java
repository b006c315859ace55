package io.pollwatt.emulator.device;

import io.pollwatt.twin.fault.Window;
import java.util.List;
import java.util.Objects;

/**
 * An uplink that is down during outage windows (the twin's {@code uplink-outage} fault, §10 row 10): nothing goes out
 * while the 4G link is gone, whatever the connection underneath says.
 */
public final class GatedUplink implements Uplink {

    private final Uplink inner;
    private final Scheduler scheduler;
    private final List<Window> outages;

    /** {@code inner}, cut off during {@code outages}. */
    public GatedUplink(Uplink inner, Scheduler scheduler, List<Window> outages) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.outages = List.copyOf(outages);
    }

    private boolean inOutage() {
        for (Window w : outages) {
            if (w.contains(scheduler.now())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isUp() {
        return !inOutage() && inner.isUp();
    }

    @Override
    public boolean send(byte[] frame) {
        return !inOutage() && inner.send(frame);
    }
}
