package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A fault injected on purpose: named, parameterised, time-windowed, acting on physics or on measurement, and
 * declaring what a platform must raise and must not raise for it (domain-rules §10 as data). Rule ids are the
 * rulebook's ({@code ALM-01}, {@code DQ-08b}, …).
 */
public sealed interface Fault
        permits TreatmentOff,
                TreatmentUnderLoad,
                ReversedCt,
                WrongCtRatio,
                FrozenMeter,
                RegisterReset,
                RegisterJump,
                PhaseVoltageLost,
                EnterpriseOutage,
                ProductionInControlPeriod,
                SignFlapping,
                RegisterNearMax,
                MeterOnWrongCircuit,
                MainCoversOnlyProduction,
                FedOutsideMain,
                TreatmentShifted,
                DutySwitch,
                VfdFrequency,
                VocExceedance,
                AnalyzerDrift,
                ClockDrift,
                MnNotDelivered,
                UplinkOutage,
                ResendOff,
                LoraLoss,
                TreatmentRunsAlone,
                ArchiveMismatch,
                MergedMain {

    /** A stable name for reports and ground truth ({@code treatment-off}). */
    String kind();

    /** The point (or, for enterprise-wide faults, the enterprise) it acts on. */
    String target();

    /** When it is active. */
    Window window();

    /** Rules that must raise an alarm for it. */
    List<String> expectedRules();

    /** Rules that must not fire because of it. */
    List<String> mustNotFire();
}
