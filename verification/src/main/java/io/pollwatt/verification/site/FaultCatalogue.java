package io.pollwatt.verification.site;

import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.AnalyzerDrift;
import io.pollwatt.twin.fault.ArchiveMismatch;
import io.pollwatt.twin.fault.ClockDrift;
import io.pollwatt.twin.fault.DutySwitch;
import io.pollwatt.twin.fault.EnterpriseOutage;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.FedOutsideMain;
import io.pollwatt.twin.fault.FrozenMeter;
import io.pollwatt.twin.fault.LoraLoss;
import io.pollwatt.twin.fault.MainCoversOnlyProduction;
import io.pollwatt.twin.fault.MergedMain;
import io.pollwatt.twin.fault.MeterOnWrongCircuit;
import io.pollwatt.twin.fault.MnNotDelivered;
import io.pollwatt.twin.fault.PhaseVoltageLost;
import io.pollwatt.twin.fault.ProductionInControlPeriod;
import io.pollwatt.twin.fault.RegisterJump;
import io.pollwatt.twin.fault.RegisterNearMax;
import io.pollwatt.twin.fault.RegisterReset;
import io.pollwatt.twin.fault.ResendOff;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.fault.SignFlapping;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.TreatmentRunsAlone;
import io.pollwatt.twin.fault.TreatmentShifted;
import io.pollwatt.twin.fault.TreatmentUnderLoad;
import io.pollwatt.twin.fault.UplinkOutage;
import io.pollwatt.twin.fault.VfdFrequency;
import io.pollwatt.twin.fault.VocExceedance;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.fault.WrongCtRatio;
import io.pollwatt.twin.site.FacilityKind;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * The fault kinds a site file can stage: one entry per {@code kind()} name of the twin's fault records, with what its
 * target must be and its parameters, named as the record's components. {@code production-in-stop} and
 * {@code production-above-limit} are the two kinds of {@link ProductionInControlPeriod}.
 */
final class FaultCatalogue {

    /** What a fault's target must name. */
    enum Target {
        /** Any metering point. */
        POINT("a point id"),
        /** A point other than MAIN (a sub-point fed by the main incomer). */
        SUB_POINT("a point id other than a MAIN point"),
        /** A TREAT point. */
        TREAT("a TREAT point id"),
        /** A production point (PROD or PROD_TREAT). */
        PRODUCTION("a PROD or PROD_TREAT point id"),
        /** A MAIN point. */
        MAIN("a MAIN point id"),
        /** A stack with a VOC analyzer. */
        ANALYZER_STACK("a stack id whose stack has an analyzer"),
        /** The enterprise itself (the default). */
        ENTERPRISE("the enterprise id");

        final String expected;

        Target(String expected) {
            this.expected = expected;
        }
    }

    /** How a parameter is written. */
    enum ParamType {
        /** A YAML number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A duration ({@code 20m}, {@code 1h30m}, {@code PT20M}); may be negative. */
        DURATION,
        /** {@code a}, {@code b} or {@code c}. */
        PHASE,
        /** A point id. */
        POINT_ID,
        /** One point id or a list of them. */
        POINT_IDS
    }

    /**
     * One parameter: its name (the record component's), type and default ({@code null}: required).
     *
     * @param name key in the file
     * @param type how it is written
     * @param defaultValue value when absent, or {@code null} when it must be given
     * @param doc one line for docs/site-format.md
     * @param valid for a NUMBER the reader checks itself (the twin's record does not), else {@code null}
     * @param validText what {@code valid} accepts, for the error message
     */
    record Param(
            String name, ParamType type, Object defaultValue, String doc, DoublePredicate valid, String validText) {
        boolean required() {
            return defaultValue == null;
        }
    }

    /**
     * The values of one staged fault, checked by type; parameters absent from the file hold their defaults. The
     * target point's wiring, kind and meter register are known when the target is a point ({@code null} and
     * {@code false} otherwise).
     */
    record Args(
            String target,
            Window window,
            Map<String, Object> values,
            Wiring wiring,
            FacilityKind targetKind,
            boolean combinedEnergy) {
        Args(String target, Window window, Map<String, Object> values) {
            this(target, window, values, null, null, false);
        }

        @SuppressWarnings("unchecked")
        List<String> ids(String name) {
            return (List<String>) values.get(name);
        }

        double number(String name) {
            return (Double) values.get(name);
        }

        boolean flag(String name) {
            return (Boolean) values.get(name);
        }

        Duration duration(String name) {
            return (Duration) values.get(name);
        }

        char phase(String name) {
            return (Character) values.get(name);
        }

        String id(String name) {
            return (String) values.get(name);
        }
    }

    /**
     * One kind of fault.
     *
     * @param name the {@code kind()} name
     * @param type the twin's record
     * @param target what the target must be
     * @param params its parameters
     * @param build makes the record (its constructor may still refuse the values)
     */
    record Kind(
            String name, Class<? extends Fault> type, Target target, List<Param> params, Function<Args, Fault> build) {
        Kind {
            params = List.copyOf(params);
        }

        Param param(String key) {
            return params.stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
        }
    }

    /** Every kind, in the order of docs/site-format.md. */
    static final Map<String, Kind> KINDS;

    static {
        Map<String, Kind> k = new LinkedHashMap<>();
        add(
                k,
                "treatment-off",
                TreatmentOff.class,
                Target.TREAT,
                List.of(),
                a -> new TreatmentOff(a.target(), a.window()));
        add(
                k,
                "treatment-under-load",
                TreatmentUnderLoad.class,
                Target.TREAT,
                List.of(required("speedRatio", ParamType.NUMBER, "fan speed ÷ rated, (0, 1); power follows its cube")),
                a -> new TreatmentUnderLoad(a.target(), a.window(), a.number("speedRatio")));
        add(
                k,
                "treatment-shifted",
                TreatmentShifted.class,
                Target.TREAT,
                List.of(
                        optional(
                                "startDelay", ParamType.DURATION, Duration.ZERO, "how late it starts after production"),
                        optional(
                                "stopAdvance",
                                ParamType.DURATION,
                                Duration.ZERO,
                                "how early it stops before production")),
                a -> new TreatmentShifted(a.target(), a.window(), a.duration("startDelay"), a.duration("stopAdvance")));
        add(k, "duty-switch", DutySwitch.class, Target.TREAT, List.of(), a -> new DutySwitch(a.target(), a.window()));
        add(
                k,
                "production-in-stop",
                ProductionInControlPeriod.class,
                Target.PRODUCTION,
                List.of(required("loadRatio", ParamType.NUMBER, "its load ÷ rated while it runs, (0, 1.5]")),
                a -> new ProductionInControlPeriod(a.target(), a.window(), a.number("loadRatio"), false));
        add(
                k,
                "production-above-limit",
                ProductionInControlPeriod.class,
                Target.PRODUCTION,
                List.of(required("loadRatio", ParamType.NUMBER, "its load ÷ rated while it runs, (0, 1.5]")),
                a -> new ProductionInControlPeriod(a.target(), a.window(), a.number("loadRatio"), true));
        add(
                k,
                "reversed-ct",
                ReversedCt.class,
                Target.POINT,
                List.of(
                        optional("phaseA", ParamType.BOOLEAN, false, "phase a (3P3W: element 1) reversed"),
                        optional("phaseB", ParamType.BOOLEAN, false, "phase b reversed (3P4W only)"),
                        optional("phaseC", ParamType.BOOLEAN, false, "phase c (3P3W: element 2) reversed")),
                a -> new ReversedCt(
                        a.target(),
                        a.window(),
                        a.wiring() == null ? Wiring.THREE_PHASE_FOUR_WIRE : a.wiring(),
                        a.flag("phaseA"),
                        a.flag("phaseB"),
                        a.flag("phaseC"),
                        a.combinedEnergy()));
        add(
                k,
                "wrong-ct-ratio",
                WrongCtRatio.class,
                Target.POINT,
                List.of(required("factor", ParamType.NUMBER, "configured ÷ actual ratio, positive, not 1")),
                a -> new WrongCtRatio(a.target(), a.window(), a.number("factor"), a.targetKind() == FacilityKind.MAIN));
        add(
                k,
                "frozen-meter",
                FrozenMeter.class,
                Target.POINT,
                List.of(),
                a -> new FrozenMeter(a.target(), a.window()));
        add(
                k,
                "register-reset",
                RegisterReset.class,
                Target.POINT,
                List.of(),
                a -> new RegisterReset(a.target(), a.window()));
        add(
                k,
                "register-jump",
                RegisterJump.class,
                Target.POINT,
                List.of(required("jumpKwh", ParamType.NUMBER, "the jump at the window's start, kWh, positive")),
                a -> new RegisterJump(a.target(), a.window(), a.number("jumpKwh")));
        add(
                k,
                "register-rollover",
                RegisterNearMax.class,
                Target.POINT,
                List.of(checked(
                        "belowMaxKwh",
                        "register set this far below its maximum, kWh",
                        v -> v > 0,
                        "a positive number of kWh")),
                a -> new RegisterNearMax(a.target(), a.window(), a.number("belowMaxKwh")));
        add(
                k,
                "phase-voltage-lost",
                PhaseVoltageLost.class,
                Target.POINT,
                List.of(required("phase", ParamType.PHASE, "a, b or c")),
                a -> new PhaseVoltageLost(a.target(), a.window(), a.phase("phase")));
        add(
                k,
                "sign-flapping",
                SignFlapping.class,
                Target.POINT,
                List.of(),
                a -> new SignFlapping(a.target(), a.window()));
        add(
                k,
                "meter-on-wrong-circuit",
                MeterOnWrongCircuit.class,
                Target.POINT,
                List.of(required("actualPointId", ParamType.POINT_ID, "the point whose circuit the meter measures")),
                a -> new MeterOnWrongCircuit(a.target(), a.window(), a.id("actualPointId")));
        add(
                k,
                "main-covers-only-production",
                MainCoversOnlyProduction.class,
                Target.MAIN,
                List.of(),
                a -> new MainCoversOnlyProduction(a.target(), a.window()));
        add(
                k,
                "fed-outside-main",
                FedOutsideMain.class,
                Target.SUB_POINT,
                List.of(),
                a -> new FedOutsideMain(a.target(), a.window()));
        add(
                k,
                "vfd-output",
                VfdFrequency.class,
                Target.POINT,
                List.of(checked(
                        "frequencyHz", "the drive's output frequency, Hz", v -> v > 0, "a positive frequency in Hz")),
                a -> new VfdFrequency(a.target(), a.window(), a.number("frequencyHz")));
        add(
                k,
                "enterprise-outage",
                EnterpriseOutage.class,
                Target.ENTERPRISE,
                List.of(),
                a -> new EnterpriseOutage(a.target(), a.window()));
        add(
                k,
                "voc-exceedance",
                VocExceedance.class,
                Target.ANALYZER_STACK,
                List.of(checked("factor", "multiplier on the raw TVOC", v -> v > 0, "a positive factor")),
                a -> new VocExceedance(a.target(), a.window(), a.number("factor")));
        add(
                k,
                "analyzer-drift",
                AnalyzerDrift.class,
                Target.ANALYZER_STACK,
                List.of(required("mgM3PerDay", ParamType.NUMBER, "drift per day, mg/m³")),
                a -> new AnalyzerDrift(a.target(), a.window(), a.number("mgM3PerDay")));
        add(
                k,
                "clock-drift",
                ClockDrift.class,
                Target.POINT,
                List.of(required("offset", ParamType.DURATION, "how far ahead (negative: behind) the device clock is")),
                a -> new ClockDrift(a.target(), a.window(), a.duration("offset")));
        add(
                k,
                "mn-not-delivered",
                MnNotDelivered.class,
                Target.POINT,
                List.of(),
                a -> new MnNotDelivered(a.target(), a.window()));
        add(
                k,
                "uplink-outage",
                UplinkOutage.class,
                Target.POINT,
                List.of(),
                a -> new UplinkOutage(a.target(), a.window()));
        add(k, "resend-off", ResendOff.class, Target.POINT, List.of(), a -> new ResendOff(a.target(), a.window()));
        add(
                k,
                "lora-loss",
                LoraLoss.class,
                Target.POINT,
                List.of(checked(
                        "lossProbability", "share of polls lost, [0, 1]", v -> v >= 0 && v <= 1, "a share in [0, 1]")),
                a -> new LoraLoss(a.target(), a.window(), a.number("lossProbability")));
        add(
                k,
                "treatment-runs-alone",
                TreatmentRunsAlone.class,
                Target.TREAT,
                List.of(),
                a -> new TreatmentRunsAlone(a.target(), a.window()));
        add(
                k,
                "merged-main",
                MergedMain.class,
                Target.MAIN,
                List.of(required("members", ParamType.POINT_IDS, "the points whose sum the \"main\" shows")),
                a -> new MergedMain(a.target(), a.window(), a.ids("members")));
        for (ArchiveMismatch.Mismatch m : ArchiveMismatch.Mismatch.values()) {
            String name =
                    "archive-" + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            add(
                    k,
                    name,
                    ArchiveMismatch.class,
                    m.enterpriseWide() ? Target.ENTERPRISE : Target.POINT,
                    List.of(),
                    a -> new ArchiveMismatch(a.target(), a.window(), m));
        }
        KINDS = Collections.unmodifiableMap(k);
    }

    private FaultCatalogue() {}

    private static void add(
            Map<String, Kind> kinds,
            String name,
            Class<? extends Fault> type,
            Target target,
            List<Param> params,
            Function<Args, Fault> build) {
        kinds.put(name, new Kind(name, type, target, params, build));
    }

    private static Param required(String name, ParamType type, String doc) {
        return new Param(name, type, null, doc, null, null);
    }

    /** A required number the twin's record takes unchecked, so the reader checks it. */
    private static Param checked(String name, String doc, DoublePredicate valid, String validText) {
        return new Param(name, ParamType.NUMBER, null, doc, valid, validText);
    }

    private static Param optional(String name, ParamType type, Object defaultValue, String doc) {
        return new Param(name, type, defaultValue, doc, null, null);
    }
}
