package io.pollwatt.twin.sim;

import io.pollwatt.twin.electric.EnergyRegister;
import io.pollwatt.twin.electric.InstantValues;
import io.pollwatt.twin.electric.MeterCondition;
import io.pollwatt.twin.electric.MeterView;
import io.pollwatt.twin.electric.ThreePhaseLoad;
import io.pollwatt.twin.fault.AnalyzerDrift;
import io.pollwatt.twin.fault.DutySwitch;
import io.pollwatt.twin.fault.EnterpriseOutage;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.FedOutsideMain;
import io.pollwatt.twin.fault.FrozenMeter;
import io.pollwatt.twin.fault.MainCoversOnlyProduction;
import io.pollwatt.twin.fault.MergedMain;
import io.pollwatt.twin.fault.MeterOnWrongCircuit;
import io.pollwatt.twin.fault.PhaseVoltageLost;
import io.pollwatt.twin.fault.ProductionInControlPeriod;
import io.pollwatt.twin.fault.RegisterJump;
import io.pollwatt.twin.fault.RegisterNearMax;
import io.pollwatt.twin.fault.RegisterReset;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.fault.SignFlapping;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.TreatmentRunsAlone;
import io.pollwatt.twin.fault.TreatmentShifted;
import io.pollwatt.twin.fault.TreatmentUnderLoad;
import io.pollwatt.twin.fault.VfdFrequency;
import io.pollwatt.twin.fault.VocExceedance;
import io.pollwatt.twin.fault.WrongCtRatio;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.Association;
import io.pollwatt.twin.site.ControlPeriod;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.LoadProfile;
import io.pollwatt.twin.site.ReportedEnergy;
import io.pollwatt.twin.site.Shift;
import io.pollwatt.twin.site.Stack;
import io.pollwatt.twin.site.TreatmentGroup;
import io.pollwatt.twin.site.VocAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * One enterprise simulated in one-minute steps of virtual time (domain-rules EM-12): each point's true load from its
 * production schedule, treatment coupling and load shape; circuits summed up to the main incomer; each meter's view
 * with its installation condition, accuracy and the active faults; energy registers integrating the measured power.
 *
 * <p>Deterministic: the same enterprise, faults, start and seed give the same samples, whatever else the run holds;
 * each point draws from its own streams ({@code load/<enterprise>/<point>}, {@code meter/<enterprise>/<point>}).
 * Single-threaded, not thread-safe.
 */
public final class Twin {

    /** Physics resolution (EM-12). */
    public static final Duration STEP = Duration.ofMinutes(1);

    /** Mean power over a motor's starting minute ÷ its running power (inrush of a few seconds, then acceleration). */
    private static final double START_SURGE = 1.3;

    /**
     * The share of a motor load's reactive power at rated load that it keeps idling (magnetising current), EM-09
     * [PROP]: 0.5 gives a no-load current of about a third of rated and a PF near 0.13 at an idle draw of a fifteenth
     * of rated, within EM-09's 20-50 % and 0.1-0.15.
     */
    static final double NO_LOAD_REACTIVE_SHARE = 0.5;

    /** Unmetered load and losses on the main incomer, as a share of what the sub-points draw. */
    private static final double UNMETERED_SHARE = 0.04;

    private final Enterprise enterprise;
    private final ZoneId zone;
    private final List<Fault> faults;
    private final Random supply;
    private final Map<String, PointModel> points = new LinkedHashMap<>();
    private final Map<String, Random> stackNoise = new LinkedHashMap<>();
    /** Per treatment group: the last minute (epoch minutes) each associated production point ran, looked ahead. */
    private final Map<String, long[]> groupLastOn = new LinkedHashMap<>();

    private final Map<String, List<Facility>> groupProduction = new LinkedHashMap<>();
    private Instant now;

    /** A twin of {@code enterprise} standing at {@code start}, registers at their initial readings. */
    public Twin(Enterprise enterprise, List<Fault> faults, Seeds seeds, ZoneId zone, Instant start) {
        this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
        this.faults = List.copyOf(faults);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.now = Objects.requireNonNull(start, "start");
        this.supply = seeds.streamFor("supply/" + enterprise.id());
        for (Facility f : enterprise.facilities()) {
            String key = enterprise.id() + "/" + f.id();
            Random load = seeds.streamFor("load/" + key);
            double initialKwh = Math.floor(load.nextDouble() * 50_000 * 100) / 100;
            points.put(
                    f.id(),
                    new PointModel(
                            f,
                            load,
                            seeds.streamFor("meter/" + key),
                            new EnergyRegister(initialKwh, 0, f.meter().registerMaxKwh())));
        }
        for (Stack stack : enterprise.stacks()) {
            stackNoise.put(stack.id(), seeds.streamFor("voc/" + enterprise.id() + "/" + stack.id()));
        }
        for (Fault fault : this.faults) {
            boolean known = fault.target().equals(enterprise.id())
                    || points.containsKey(fault.target())
                    || stackNoise.containsKey(fault.target());
            if (known && points.containsKey(fault.target())) {
                String wrong = targetKindProblem(fault, points.get(fault.target()).facility);
                if (wrong != null) {
                    throw new IllegalArgumentException(fault.kind() + " fault on " + fault.target() + ": " + wrong);
                }
            }
            if (!known) {
                throw new IllegalArgumentException(fault.kind() + " fault names point " + fault.target()
                        + ", not in enterprise " + enterprise.id());
            }
        }
        for (TreatmentGroup g : enterprise.groups()) {
            List<Facility> prods = new ArrayList<>();
            for (Association a : enterprise.associations()) {
                if (a.groupId().equals(g.id())) {
                    prods.add(enterprise.facility(a.productionId()).orElseThrow());
                }
            }
            groupProduction.put(g.id(), prods);
            long[] lastOn = new long[prods.size()];
            java.util.Arrays.fill(lastOn, Long.MIN_VALUE);
            // the window [now − lag, now + lead) once; afterwards one look-ahead per minute (updateDemand)
            long nowMinute = start.getEpochSecond() / 60;
            for (int i = 0; i < prods.size(); i++) {
                for (long m = -g.lag().toMinutes(); m < g.lead().toMinutes(); m++) {
                    if (productionRatio(prods.get(i), start.plusSeconds(m * 60)) > 0) {
                        lastOn[i] = nowMinute + m;
                    }
                }
            }
            groupLastOn.put(g.id(), lastOn);
        }
        step(); // the first instant has values too
    }

    /** Why a fault cannot act on this point, or null: treatment faults need TREAT points, and so on. */
    private static String targetKindProblem(Fault fault, Facility f) {
        boolean treatmentFault = fault instanceof TreatmentOff
                || fault instanceof TreatmentUnderLoad
                || fault instanceof TreatmentShifted
                || fault instanceof DutySwitch
                || fault instanceof TreatmentRunsAlone;
        if (treatmentFault && f.kind() != FacilityKind.TREAT) {
            return "needs a TREAT point, got " + f.kind();
        }
        if (fault instanceof ProductionInControlPeriod && !f.isProduction()) {
            return "needs a PROD or PROD_TREAT point, got " + f.kind();
        }
        if ((fault instanceof MainCoversOnlyProduction || fault instanceof MergedMain)
                && f.kind() != FacilityKind.MAIN) {
            return "needs a MAIN point, got " + f.kind();
        }
        if (fault instanceof ReversedCt r && r.wiring() != f.circuit().wiring()) {
            return "states wiring " + r.wiring() + " but the meter is "
                    + f.circuit().wiring();
        }
        if (fault instanceof ReversedCt r && r.combinedEnergy() != (f.meter().energy() == ReportedEnergy.COMBINED)) {
            return "states " + (r.combinedEnergy() ? "a combined" : "an import")
                    + "-energy meter but the meter reports " + f.meter().energy();
        }
        return null;
    }

    /** Looks ahead {@code lead} for every group's production, so treatment demand is one comparison per minute. */
    private void updateDemand() {
        long nowMinute = now.getEpochSecond() / 60;
        for (TreatmentGroup g : enterprise.groups()) {
            List<Facility> prods = groupProduction.get(g.id());
            long[] lastOn = groupLastOn.get(g.id());
            long lead = g.lead().toMinutes();
            Instant ahead = now.plusSeconds(lead * 60);
            LocalDateTime aheadLocal = LocalDateTime.ofInstant(ahead, zone);
            for (int i = 0; i < prods.size(); i++) {
                if (productionRatio(prods.get(i), ahead, aheadLocal) > 0) {
                    lastOn[i] = nowMinute + lead;
                }
            }
        }
    }

    /** Whether any production of the group ran within [now − lag, now + lead]. */
    private boolean demanded(TreatmentGroup g) {
        long since = now.getEpochSecond() / 60 - g.lag().toMinutes();
        for (long last : groupLastOn.get(g.id())) {
            if (last >= since) {
                return true;
            }
        }
        return false;
    }

    /** The current virtual instant. */
    public Instant now() {
        return now;
    }

    /** The enterprise simulated. */
    public Enterprise enterprise() {
        return enterprise;
    }

    /** Steps the physics minute by minute up to {@code until}. */
    public void advanceTo(Instant until) {
        while (now.plus(STEP).compareTo(until) <= 0) {
            integrate(STEP.toSeconds());
            now = now.plus(STEP);
            step();
        }
    }

    /** The faults of this run. */
    public List<Fault> faults() {
        return faults;
    }

    /** Every point's sample at the current instant, in archive order. */
    public List<PointSample> samples() {
        List<PointSample> out = new ArrayList<>(points.size());
        for (PointModel p : points.values()) {
            out.add(new PointSample(
                    p.facility.id(),
                    now,
                    p.measured,
                    p.reportedKwh(),
                    p.register.exportKwh(),
                    p.trueKw,
                    p.trueEnergyKwh,
                    p.trueState,
                    activeKinds(p.facility.id())));
        }
        return out;
    }

    /**
     * Every stack analyzer's sample at the current instant: TVOC rises with its production points' load and falls by
     * the removal efficiency while all its treatment groups run; velocity follows the running fans.
     */
    public List<StackSample> stackSamples() {
        List<StackSample> out = new ArrayList<>();
        for (Stack stack : enterprise.stacks()) {
            VocAnalyzer a = stack.analyzer();
            if (a == null) {
                continue;
            }
            Random noise = stackNoise.get(stack.id());
            double load = 0;
            for (String p : stack.productionIds()) {
                PointModel pm = points.get(p);
                load += pm.ownKw / pm.facility.load().ratedKw();
            }
            load = stack.productionIds().isEmpty()
                    ? 0
                    : load / stack.productionIds().size();
            boolean treated = !stack.groupIds().isEmpty();
            double fans = 0;
            int fanCount = 0;
            for (TreatmentGroup g : enterprise.groups()) {
                if (!stack.groupIds().contains(g.id())) {
                    continue;
                }
                boolean groupRuns = false;
                for (String m : g.members()) {
                    PointModel pm = points.get(m);
                    fanCount++;
                    if (pm.trueState == TrueState.RUN || pm.trueState == TrueState.LOW) {
                        groupRuns = true;
                        fans += pm.ownKw / pm.facility.load().ratedKw();
                    }
                }
                treated &= groupRuns;
            }
            VocExceedance exceed = active(VocExceedance.class, stack.id());
            double raw = a.rawTvocMgM3() * load * (exceed != null ? exceed.factor() : 1);
            double trueTvoc = a.backgroundTvocMgM3() + raw * (treated ? 1 - a.removalEfficiency() : 1);
            trueTvoc *= 1 + noise.nextGaussian() * 0.03;
            AnalyzerDrift drift = active(AnalyzerDrift.class, stack.id());
            double days = drift == null
                    ? 0
                    : Duration.between(drift.window().start(), now).toSeconds() / 86_400.0;
            double reported = Math.max(0, trueTvoc + (drift == null ? 0 : drift.mgM3PerDay() * days));
            double airflow = fanCount == 0 ? 0 : Math.min(1, fans / Math.max(1, fanCount / 2.0));
            out.add(new StackSample(
                    stack.id(),
                    now,
                    reported,
                    Math.max(0, trueTvoc),
                    a.velocityMs() * airflow * (1 + noise.nextGaussian() * 0.02),
                    a.temperatureC() + noise.nextGaussian() * 0.5,
                    a.pressureKpa() + noise.nextGaussian() * 0.01,
                    a.humidityPercent(),
                    activeKinds(stack.id())));
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------------------------

    private void step() {
        updateDemand();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        boolean outage = active(EnterpriseOutage.class, enterprise.id()) != null;
        for (PointModel p : points.values()) {
            if (p.facility.kind() != FacilityKind.MAIN) {
                p.ownKw = outage ? 0 : ownLoad(p, local);
                if (outage) {
                    p.trueState = TrueState.OFF; // nothing runs without supply, whatever its schedule says
                }
            }
        }
        double phaseVoltage = 1 + (supply.nextGaussian() * 0.01);
        double frequency = 50 + supply.nextGaussian() * 0.03;
        for (PointModel p : points.values()) {
            p.circuitKw = circuitLoad(p);
            p.circuitKvar = circuitReactive(p);
        }
        for (PointModel p : points.values()) {
            measure(p, outage, phaseVoltage, frequency);
        }
    }

    /** The point's own draw at local time {@code t}, with truth state; MAIN points own only the unmetered share. */
    private double ownLoad(PointModel p, LocalDateTime t) {
        Facility f = p.facility;
        LoadProfile profile = f.load();
        double kw;
        if (f.kind() == FacilityKind.TREAT) {
            boolean on = (treatmentOn(f.id()) || active(TreatmentRunsAlone.class, f.id()) != null)
                    && active(TreatmentOff.class, f.id()) == null;
            TreatmentUnderLoad slow = active(TreatmentUnderLoad.class, f.id());
            double shaped = shaped(p, profile, t); // drawn whatever the state, so faults do not shift the noise
            kw = on ? shaped * (slow != null ? slow.powerRatio() : 1) : 0;
            if (on && !p.wasOn && profile.powerFactor() < 0.95) {
                kw *= START_SURGE;
            }
            p.wasOn = on;
            p.trueState = !on ? TrueState.OFF : slow != null ? TrueState.LOW : TrueState.RUN;
        } else {
            double ratio = productionRatio(f, now, t);
            double shaped = shaped(p, profile, t);
            kw = ratio > 0 ? shaped * ratio : 0;
            if (kw > 0 && !p.wasOn && profile.powerFactor() < 0.95) {
                kw *= START_SURGE; // a motor load's starting minute: inrush and acceleration (EM-08 transients)
            }
            p.wasOn = kw > 0;
            p.trueState = kw <= 0 ? TrueState.OFF : kw > 1.1 * profile.ratedKw() ? TrueState.HIGH : TrueState.RUN;
        }
        return kw;
    }

    /** The load shape at {@code t} with the point's process variation (EM-08). */
    private double shaped(PointModel p, LoadProfile profile, LocalDateTime t) {
        double noise = 1 + p.load.nextGaussian() * profile.variationPercent() / 200;
        double base;
        switch (profile.shape()) {
            case CYCLIC:
            case THERMOSTATIC: {
                long minutes = t.getHour() * 60L + t.getMinute() + p.phaseOffsetMinutes;
                long cycle = Math.max(1, profile.cycle().toMinutes());
                base = (minutes % cycle) < profile.dutyCycle() * cycle ? profile.ratedKw() : profile.idleKw();
                break;
            }
            case INTERMITTENT:
                base = p.load.nextDouble() < profile.dutyCycle() ? profile.ratedKw() : profile.idleKw();
                break;
            default:
                base = profile.ratedKw();
        }
        p.idling = profile.idleKw() > 0 && profile.idleKw() < profile.ratedKw() && base == profile.idleKw();
        return Math.max(0, base * noise);
    }

    /**
     * How much of its rated load a production point runs at: 1 inside a shift, 0 outside or in a STOP/OFF_PEAK
     * period, the LIMIT ratio in a LIMIT period — unless a fault makes it run against the control period.
     */
    private double productionRatio(Facility f, Instant at) {
        return productionRatio(f, at, LocalDateTime.ofInstant(at, zone));
    }

    /** As {@link #productionRatio(Facility, Instant)} with the local time of {@code at} already known. */
    private double productionRatio(Facility f, Instant at, LocalDateTime t) {
        ProductionInControlPeriod rogue = activeAt(ProductionInControlPeriod.class, f.id(), at);
        if (rogue != null) {
            return rogue.loadRatio();
        }
        if (!inShift(t)) {
            return 0;
        }
        double ratio = 1;
        for (ControlPeriod c : enterprise.controlPeriods()) {
            if (c.contains(t)
                    && (c.productionIds().isEmpty() || c.productionIds().contains(f.id()))) {
                ratio = Math.min(ratio, c.kind() == ControlPeriod.Kind.LIMIT ? c.limitRatio() : 0);
            }
        }
        return ratio;
    }

    private boolean inShift(LocalDateTime t) {
        for (Shift s : enterprise.shifts()) {
            if (s.covers(t.toLocalTime())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a treatment point runs at {@code t}: it is among the first k members of a group, and an associated
     * production point runs somewhere in [t − lag, t + lead] (the group starts {@code lead} before production and
     * stops {@code lag} after it). A TREAT point in no group runs with any production.
     */
    private boolean treatmentOn(String pointId) {
        for (TreatmentGroup g : enterprise.groups()) {
            if (!g.members().contains(pointId)) {
                continue;
            }
            // the first k members run; a member switched off (主备切换) hands its duty to the next one
            int rank = 0;
            boolean duty = false;
            for (String m : g.members()) {
                if (active(DutySwitch.class, m) != null) {
                    continue;
                }
                if (m.equals(pointId)) {
                    duty = rank < g.requiredRunning();
                    break;
                }
                rank++;
            }
            if (!duty) {
                return false;
            }
            TreatmentShifted shifted = active(TreatmentShifted.class, pointId);
            if (shifted == null) {
                return demanded(g);
            }
            // on from startDelay after production starts until stopAdvance before it stops
            for (Facility prod : groupProduction.get(g.id())) {
                if (productionRatio(prod, now.minus(shifted.startDelay())) > 0
                        && productionRatio(prod, now.plus(shifted.stopAdvance())) > 0) {
                    return true;
                }
            }
            return false;
        }
        for (Facility f : enterprise.facilities()) {
            if (f.isProduction() && productionRatio(f, now) > 0) {
                return true;
            }
        }
        return false;
    }

    /** What flows through the point's circuit: its own draw plus every point it feeds (main: plus unmetered). */
    private double circuitLoad(PointModel p) {
        double sum = p.ownKw;
        boolean productionOnly = active(MainCoversOnlyProduction.class, p.facility.id()) != null;
        boolean partial = productionOnly || active(MergedMain.class, p.facility.id()) != null;
        for (PointModel child : children(p)) {
            if (feedsOutside(p, child, productionOnly)) {
                continue;
            }
            sum += circuitLoad(child);
        }
        if (partial) {
            return sum; // the "main" is not on the incomer: no unmetered load or losses either
        }
        if (p.facility.kind() == FacilityKind.MAIN) {
            sum *= 1 + UNMETERED_SHARE;
            p.trueState = sum > 0 ? TrueState.RUN : TrueState.OFF;
        }
        return sum;
    }

    private double circuitReactive(PointModel p) {
        // an idling motor load draws its magnetising current whatever its small active power (EM-09: no-load PF
        // 0.1-0.15, current 20-50 % of rated): what tells a machine's idle from a CT ratio error (DQ-14)
        double q = p.idling && p.ownKw > 0 ? p.noLoadKvar : p.ownKw * p.tanPhi;
        boolean productionOnly = active(MainCoversOnlyProduction.class, p.facility.id()) != null;
        for (PointModel child : children(p)) {
            if (feedsOutside(p, child, productionOnly)) {
                continue;
            }
            q += circuitReactive(child);
        }
        return p.facility.kind() == FacilityKind.MAIN && !productionOnly ? q * (1 + UNMETERED_SHARE) : q;
    }

    /** Whether a main incomer does not carry this child: fed from outside, or the "main" covers production only. */
    private boolean feedsOutside(PointModel main, PointModel child, boolean productionOnly) {
        if (main.facility.kind() != FacilityKind.MAIN) {
            return false;
        }
        MergedMain merged = active(MergedMain.class, main.facility.id());
        return active(FedOutsideMain.class, child.facility.id()) != null
                || (productionOnly && !child.facility.isProduction())
                || (merged != null && !merged.members().contains(child.facility.id()));
    }

    private List<PointModel> children(PointModel p) {
        if (p.children == null) {
            List<PointModel> out = new ArrayList<>();
            String firstMain = enterprise.facilities(FacilityKind.MAIN).stream()
                    .map(Facility::id)
                    .findFirst()
                    .orElse(null);
            for (PointModel c : points.values()) {
                String parent = c.facility.parentId();
                boolean fedByThis = p.facility.id().equals(parent)
                        || (parent == null
                                && c.facility.kind() != FacilityKind.MAIN
                                && p.facility.id().equals(firstMain));
                if (fedByThis) {
                    out.add(c);
                }
            }
            p.children = out;
        }
        return p.children;
    }

    private void measure(PointModel p, boolean outage, double voltageFactor, double frequency) {
        Facility f = p.facility;
        String id = f.id();
        p.trueKw = p.circuitKw;
        FrozenMeter frozen = active(FrozenMeter.class, id);
        if (frozen != null && p.measured != null) {
            p.frozen = true;
            return; // values and registers stand still
        }
        p.frozen = false;
        ThreePhaseLoad load;
        MeterOnWrongCircuit elsewhere = active(MeterOnWrongCircuit.class, id);
        PointModel seen = elsewhere != null ? points.get(elsewhere.actualPointId()) : p;
        VfdFrequency vfd = active(VfdFrequency.class, id);
        if (outage) {
            load = ThreePhaseLoad.dead();
        } else {
            double kw = seen.circuitKw;
            double pf = kw > 0 ? kw / Math.sqrt(kw * kw + seen.circuitKvar * seen.circuitKvar) : 1;
            load = ThreePhaseLoad.balanced(
                    f.circuit().nominalPhaseVoltageV() * voltageFactor,
                    kw,
                    Math.max(pf, 0.05),
                    vfd != null ? vfd.frequencyHz() : frequency);
            PhaseVoltageLost lost = active(PhaseVoltageLost.class, id);
            if (lost != null) {
                load = load.withVoltageLost(lost.phase());
            }
        }
        MeterCondition condition = MeterCondition.NORMAL.withCurrentScale(
                f.meter().ratioError() * (1 + p.meter.nextGaussian() * f.meter().accuracyPercent() / 800));
        ReversedCt reversed = active(ReversedCt.class, id);
        if (reversed != null) {
            condition = condition.withReversed(reversed.phaseA(), reversed.phaseB(), reversed.phaseC());
        }
        WrongCtRatio wrong = active(WrongCtRatio.class, id);
        if (wrong != null) {
            condition = condition.withCurrentScale(wrong.factor());
        }
        p.measured = MeterView.measure(load, f.circuit().wiring(), condition);
        if (active(SignFlapping.class, id) != null && (now.getEpochSecond() / 60) % 2 == 1) {
            p.measured = negated(p.measured);
        }
        RegisterNearMax nearMax = active(RegisterNearMax.class, id);
        if (nearMax != null && nearMax.window().start().equals(now)) {
            p.register.setImportKwh(p.register.maxKwh() - nearMax.belowMaxKwh());
        }
        RegisterReset reset = active(RegisterReset.class, id);
        if (reset != null && reset.window().start().equals(now)) {
            p.register.setImportKwh(0);
        }
        RegisterJump jump = active(RegisterJump.class, id);
        if (jump != null && jump.window().start().equals(now)) {
            p.register.setImportKwh((p.register.importKwh() + jump.jumpKwh()) % p.register.maxKwh());
        }
    }

    /** The values a meter with absolute-value wiring shows in a flipped minute: every power sign reversed. */
    private static InstantValues negated(InstantValues v) {
        return new InstantValues(
                v.uaV(),
                v.ubV(),
                v.ucV(),
                v.uabV(),
                v.ubcV(),
                v.ucaV(),
                v.iaA(),
                v.ibA(),
                v.icA(),
                -v.paKw(),
                -v.pbKw(),
                -v.pcKw(),
                -v.pKw(),
                -v.qKvar(),
                v.sKva(),
                -v.powerFactor(),
                v.frequencyHz());
    }

    private void integrate(long seconds) {
        for (PointModel p : points.values()) {
            p.trueEnergyKwh += p.trueKw * seconds / 3600;
            if (!p.frozen && p.measured != null) {
                p.register.integrate(p.measured.pKw(), seconds);
            }
        }
    }

    private <F extends Fault> F active(Class<F> type, String target) {
        return activeAt(type, target, now);
    }

    private <F extends Fault> F activeAt(Class<F> type, String target, Instant at) {
        for (Fault f : faults) {
            if (type.isInstance(f) && f.target().equals(target) && f.window().contains(at)) {
                return type.cast(f);
            }
        }
        return null;
    }

    private List<String> activeKinds(String pointId) {
        List<String> out = new ArrayList<>();
        for (Fault f : faults) {
            boolean here = f.target().equals(pointId) || f.target().equals(enterprise.id());
            if (here && f.window().contains(now)) {
                out.add(f.kind());
            }
        }
        return out;
    }

    /** The mutable state of one simulated point. */
    private static final class PointModel {
        final Facility facility;
        final Random load;
        final Random meter;
        final EnergyRegister register;
        final long phaseOffsetMinutes;
        /** Q ÷ P of the facility's own load: tan φ from its power factor. */
        final double tanPhi;
        /** The reactive power of the load idling (magnetising), kvar; 0 for a resistive load. */
        final double noLoadKvar;
        /** Whether the load draws its idle power this minute (between cycles). */
        boolean idling;

        List<PointModel> children;
        double ownKw;
        double circuitKw;
        double circuitKvar;
        double trueKw;
        double trueEnergyKwh;
        TrueState trueState = TrueState.OFF;
        InstantValues measured;
        boolean frozen;
        boolean wasOn;

        PointModel(Facility facility, Random load, Random meter, EnergyRegister register) {
            this.facility = facility;
            this.load = load;
            this.meter = meter;
            this.register = register;
            this.phaseOffsetMinutes = load.nextInt(60);
            double pf = facility.load() == null ? 1 : facility.load().powerFactor();
            this.tanPhi = Math.sqrt(1 - pf * pf) / pf;
            this.noLoadKvar = facility.load() == null
                    ? 0
                    : NO_LOAD_REACTIVE_SHARE * facility.load().ratedKw() * tanPhi;
        }

        /** The energy reading the meter reports: import, or import − export on a combined-energy meter. */
        double reportedKwh() {
            return facility.meter().energy() == ReportedEnergy.COMBINED
                    ? register.importKwh() - register.exportKwh()
                    : register.importKwh();
        }
    }
}
