package io.pollwatt.emulator.record;

import io.pollwatt.twin.electric.InstantValues;
import java.util.Objects;

/**
 * What a DTU got when it polled one meter: the meter's values, or nothing because the LoRa poll was lost. A lost
 * poll leaves a gap that the record marks with data flag B (通讯异常) instead of inventing values.
 */
public sealed interface MeterPoll permits MeterPoll.Read, MeterPoll.Lost {

    /** The meter's number within its DTU (1–99), which the factor codes carry. */
    int meter();

    /**
     * A successful poll.
     *
     * @param meter meter number within the DTU
     * @param values instantaneous values
     * @param importKwh import register
     * @param exportKwh export register
     */
    record Read(int meter, InstantValues values, double importKwh, double exportKwh) implements MeterPoll {
        public Read {
            Objects.requireNonNull(values, "values");
        }
    }

    /**
     * A poll that got no answer.
     *
     * @param meter meter number within the DTU
     */
    record Lost(int meter) implements MeterPoll {}
}
