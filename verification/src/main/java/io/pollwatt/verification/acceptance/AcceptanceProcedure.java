package io.pollwatt.verification.acceptance;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import io.pollwatt.platform.state.OperatingState;
import io.pollwatt.report.model.AcceptanceCheck;
import io.pollwatt.report.model.AcceptancePoint;
import io.pollwatt.report.model.AcceptanceReport;
import io.pollwatt.report.model.Completeness;
import io.pollwatt.report.model.PointRole;
import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.UplinkOutage;
import io.pollwatt.twin.sim.PointSample;
import io.pollwatt.twin.sim.TrueState;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.verification.scoring.ScenarioScore;
import io.pollwatt.verification.scoring.Scorer;
import io.pollwatt.verification.scoring.StagedFault;
import io.pollwatt.verification.testbed.TwinTruth;
import io.pollwatt.verification.testbed.WholeDays;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges AC-01…AC-11 (domain-rules §7) for one enterprise after its trial run.
 *
 * <p>What a person does on site is played by the testbed: the reference analyser of AC-04 is the twin's true power;
 * the meter display of AC-05 is the meter's reading in the twin; the switch-off of AC-06 is a staged
 * {@code treatment-off}, the uplink cut of AC-07 a staged {@code uplink-outage} of at least 2 h. A check whose test
 * was not staged fails with that reason: acceptance requires the test, not the absence of a failure. AC-11's
 * validity rate is taken as 1 (every received record counted valid); AC-07's backfill time limit is not measured
 * (the records' arrival is not kept per record).
 */
public final class AcceptanceProcedure {

    private static final Duration GRID = Duration.ofMinutes(15);

    private final AcceptanceInput in;
    private final ZoneId zone;
    private final String enterprise;
    private final Map<String, Facility> installed = new LinkedHashMap<>();
    private final Map<String, SiteArchive.Point> archived = new LinkedHashMap<>();
    private final Map<String, List<PointSeries.Sample>> samples = new LinkedHashMap<>();
    private final Map<String, List<DayAggregate>> days = new LinkedHashMap<>();

    private AcceptanceProcedure(AcceptanceInput in) {
        this.in = in;
        this.zone = in.site().zone();
        this.enterprise = in.site().enterprise().id();
        in.site().enterprise().facilities().forEach(f -> installed.put(f.id(), f));
        in.archive().points().forEach(p -> archived.put(p.id(), p));
        LocalDateTime from = local(in.start());
        LocalDateTime to = local(in.end());
        WholeDays whole = WholeDays.of(in.start(), in.end(), zone);
        for (SiteArchive.Point p : in.archive().points()) {
            Optional<List<PointSeries.Sample>> records = in.store().samples(enterprise, p.id(), from, to);
            if (records.isEmpty()) {
                continue;
            }
            samples.put(
                    p.id(),
                    records.get().stream().filter(s -> s.cn().equals("2011")).toList());
            if (!whole.isEmpty()) {
                in.store().days(enterprise, p.id(), whole.first(), whole.last()).ifPresent(d -> days.put(p.id(), d));
            }
        }
    }

    /** The acceptance report of the enterprise: its points, every check and the completeness of the trial run. */
    public static AcceptanceReport judge(AcceptanceInput in, String generatedAt, long seed) {
        AcceptanceProcedure p = new AcceptanceProcedure(in);
        List<AcceptanceCheck> checks = List.of(
                p.coverage(),
                p.identity(),
                p.wiring(),
                p.accuracy(),
                p.consistency(),
                p.stateResponse(),
                p.resend(),
                p.aggregation(),
                p.trialRun(),
                p.thresholds(),
                p.completenessCheck());
        return new AcceptanceReport(
                p.enterprise,
                in.site().enterprise().name(),
                generatedAt,
                seed,
                p.zone,
                p.points(),
                checks,
                p.completeness());
    }

    private List<AcceptancePoint> points() {
        List<AcceptancePoint> out = new ArrayList<>();
        installed
                .values()
                .forEach(f -> out.add(new AcceptancePoint(
                        f.id(), f.id() + " " + f.name(), role(f.kind()), true, archived.containsKey(f.id()))));
        archived.values().stream()
                .filter(p -> !installed.containsKey(p.id()))
                .forEach(p -> out.add(new AcceptancePoint(
                        p.id(),
                        p.id() + " " + p.name(),
                        PointRole.valueOf(p.kind().name()),
                        false,
                        true)));
        return out;
    }

    /** AC-01: every production and treatment facility and a MAIN have a point; no facility is left unmetered. */
    private AcceptanceCheck coverage() {
        List<String> required = installed.values().stream()
                .filter(f -> f.kind() != FacilityKind.MAIN && f.kind() != FacilityKind.INDIRECT)
                .map(Facility::id)
                .toList();
        List<String> missing =
                required.stream().filter(id -> !archived.containsKey(id)).toList();
        long mains = archived.values().stream()
                .filter(p -> p.kind().name().equals("MAIN"))
                .count();
        int unmetered = in.archive().unmetered().size();
        boolean ok = missing.isEmpty() && mains > 0 && unmetered == 0;
        String reason = ok
                ? "产污、治污设施均有监管点位，并有总进线点位"
                : (missing.isEmpty() ? "" : "未备案点位 " + String.join("、", missing) + "；")
                        + (mains > 0 ? "" : "无总进线点位；")
                        + (unmetered == 0 ? "" : unmetered + " 个设施无对应监管点位");
        return new AcceptanceCheck(
                "AC-01",
                "点位覆盖",
                "设施点位已备案 " + (required.size() - missing.size()) + "/" + required.size() + "，总进线 " + mains
                        + " 个，无对应监管点位 " + unmetered + " 个",
                "全部覆盖",
                ok,
                reason);
    }

    /** The share of samples whose platform state agrees with the true one that AC-02 asks for [pollwatt]. */
    static final double STATE_AGREEMENT_MIN = 0.95;

    /**
     * AC-02: every installed meter reports under an archived point, every archived point has data, and the point's
     * state follows its facility: the seed's test switches each facility and watches its point go OFF; over a trial
     * run the same shows as the platform's state (running or not) agreeing with the twin's true state on at least
     * {@link #STATE_AGREEMENT_MIN} of the samples the platform judged (a point that some other load keeps running
     * fails).
     */
    private AcceptanceCheck identity() {
        List<String> problems = new ArrayList<>();
        int judged = 0;
        int agreed = 0;
        LocalDate first = local(in.start()).toLocalDate();
        LocalDate last = local(in.end()).toLocalDate();
        for (Facility f : installed.values()) {
            if (f.kind() == FacilityKind.MAIN || !archived.containsKey(f.id())) {
                continue;
            }
            Optional<List<PointStates.StateAt>> states = in.store().states(enterprise, f.id(), first, last);
            if (states.isEmpty()) {
                continue;
            }
            int pointJudged = 0;
            int pointAgreed = 0;
            for (PointStates.StateAt s : states.get()) {
                if (s.state() == OperatingState.NO_DATA) {
                    continue;
                }
                List<PointSample> truth = polled(f.id(), s.time());
                if (truth.isEmpty()) {
                    continue;
                }
                pointJudged++;
                if (truth.stream()
                        .anyMatch(t ->
                                (t.trueState() != TrueState.OFF) == s.state().on())) {
                    pointAgreed++;
                }
            }
            judged += pointJudged;
            agreed += pointAgreed;
            if (pointJudged > 0 && (double) pointAgreed / pointJudged < STATE_AGREEMENT_MIN) {
                problems.add(f.id() + " 工况一致率 %.1f %%".formatted(100.0 * pointAgreed / pointJudged));
            }
        }
        for (Facility f : installed.values()) {
            if (!archived.containsKey(f.id())) {
                problems.add(f.id() + " 未备案");
            } else if (samples.getOrDefault(f.id(), List.of()).isEmpty()) {
                problems.add(f.id() + " 平台无数据");
            }
        }
        int matched = installed.size()
                - (int) problems.stream().filter(p -> p.endsWith("未备案")).count()
                - (int) problems.stream().filter(p -> p.endsWith("平台无数据")).count();
        String agreement = judged == 0 ? "无可比对的工况" : "工况一致率 %.1f %%".formatted(100.0 * agreed / judged);
        return new AcceptanceCheck(
                "AC-02",
                "身份一致（MN 下发、表地址与点位对应，工况随设施启停）",
                "一致 " + matched + "/" + installed.size() + "，" + agreement,
                "100 %；工况一致率 ≥ 95 %",
                problems.isEmpty(),
                problems.isEmpty() ? "每块表的数据都到达其备案点位" : String.join("；", problems));
    }

    /** AC-03: archived CT and wiring equal the installation; P > 0 on every 3P4W phase; no meter on a VFD output. */
    private AcceptanceCheck wiring() {
        List<String> problems = new ArrayList<>();
        for (Facility f : installed.values()) {
            SiteArchive.Point p = archived.get(f.id());
            if (p == null) {
                continue;
            }
            double installedRatio = f.meter().installedCt().factor();
            double archivedRatio =
                    p.ct().primary().doubleValue() / p.ct().secondary().doubleValue();
            if (Math.abs(installedRatio - archivedRatio) > 1e-9) {
                problems.add(f.id() + " 备案变比 "
                        + p.ct().primary().stripTrailingZeros().toPlainString() + "/"
                        + p.ct().secondary().stripTrailingZeros().toPlainString() + " ≠ 铭牌 "
                        + ratio(f.meter().installedCt().primaryAmps()) + "/"
                        + ratio(f.meter().installedCt().secondaryAmps()));
            }
            if (Math.abs(f.meter().configuredCt().factor() - installedRatio) > 1e-9) {
                problems.add(f.id() + " 表内设置变比与铭牌不符");
            }
            String wiring = f.circuit().wiring() == Wiring.THREE_PHASE_FOUR_WIRE ? "3P4W" : "3P3W";
            if (!wiring.equals(p.wiring())) {
                problems.add(f.id() + " 备案接线 " + p.wiring() + " ≠ 实际 " + wiring);
            }
            double ratedA = f.meter().installedCt().primaryAmps();
            boolean negativePhase = false;
            boolean offFrequency = false;
            for (PointSeries.Sample s : samples.getOrDefault(f.id(), List.of())) {
                if (wiring.equals("3P4W") && loaded(s, ratedA, 0.05)) {
                    negativePhase |= number(s, "PA") < 0 || number(s, "PB") < 0 || number(s, "PC") < 0;
                }
                double hz = number(s, "F");
                offFrequency |= !Double.isNaN(hz) && (hz < 49.5 || hz > 50.5);
            }
            if (negativePhase) {
                problems.add(f.id() + " 运行时有相功率为负（CT 接反）");
            }
            if (offFrequency) {
                problems.add(f.id() + " 频率超出 49.5–50.5 Hz（表计接在变频器输出侧）");
            }
        }
        return new AcceptanceCheck(
                "AC-03",
                "接线与变比",
                problems.isEmpty() ? "变比、接线方式与铭牌一致，各相功率为正" : problems.size() + " 处不符",
                "相功率 > 0，变比等于铭牌，接线方式正确，不接在变频器输出侧",
                problems.isEmpty(),
                problems.isEmpty() ? "接线与变比正确" : String.join("；", problems));
    }

    /** AC-04: the platform's P against the reference (true power) at ≥ 20 % of CT rated current, within 2 %. */
    private AcceptanceCheck accuracy() {
        double worst = 0;
        String worstAt = "";
        int compared = 0;
        for (Facility f : installed.values()) {
            double ratedA = f.meter().installedCt().primaryAmps();
            for (PointSeries.Sample s : samples.getOrDefault(f.id(), List.of())) {
                List<PointSample> t = polled(f.id(), s.dataTime());
                double p = number(s, "P");
                if (t.isEmpty() || Double.isNaN(p) || !loaded(s, ratedA, 0.20)) {
                    continue;
                }
                double dev = t.stream()
                        .filter(x -> x.trueKw() > 0)
                        .mapToDouble(x -> Math.abs(p - x.trueKw()) / x.trueKw())
                        .min()
                        .orElse(Double.NaN);
                if (Double.isNaN(dev)) {
                    continue;
                }
                compared++;
                if (dev > worst) {
                    worst = dev;
                    worstAt = f.id() + " " + s.dataTime();
                }
            }
        }
        boolean ok = compared > 0 && worst <= 0.02;
        return new AcceptanceCheck(
                "AC-04",
                "测量准确度（P，对比标准表）",
                compared == 0
                        ? "无 ≥ 20 % 额定电流的比对时刻"
                        : "P 最大偏差 %.2f %%（%s），比对 %d 次".formatted(100 * worst, worstAt, compared),
                "≤ 2 %",
                ok,
                compared == 0 ? "未能在 ≥ 20 % 额定电流下比对" : ok ? "P 偏差在 2 % 以内" : "P 偏差超过 2 %");
    }

    /** AC-05: the platform shows what the meter showed, to the last transmitted digit. */
    private AcceptanceCheck consistency() {
        int compared = 0;
        int mismatches = 0;
        List<String> problems = new ArrayList<>();
        for (Facility f : installed.values()) {
            for (PointSeries.Sample s : samples.getOrDefault(f.id(), List.of())) {
                String text = s.values().get("P");
                List<PointSample> t = polled(f.id(), s.dataTime());
                if (text == null || t.isEmpty()) {
                    continue;
                }
                compared++;
                BigDecimal shown = new BigDecimal(text);
                double halfUnit = 0.5 * Math.pow(10, -Math.max(0, shown.scale())) + 1e-9;
                boolean same = t.stream()
                        .anyMatch(
                                x -> Math.abs(shown.doubleValue() - x.measured().pKw()) <= halfUnit);
                if (!same) {
                    mismatches++;
                    if (problems.size() < 3) {
                        problems.add(f.id() + " " + s.dataTime() + " 平台 " + text + " ≠ 表计 "
                                + BigDecimal.valueOf(t.get(0).measured().pKw())
                                        .setScale(shown.scale(), java.math.RoundingMode.HALF_UP));
                    }
                }
            }
        }
        boolean ok = compared > 0 && mismatches == 0;
        return new AcceptanceCheck(
                "AC-05",
                "传输一致性（平台值与表计显示值）",
                "比对 " + compared + " 次，不一致 " + mismatches + " 次",
                "相等至末位",
                ok,
                compared == 0 ? "无可比对的数据" : ok ? "平台显示值与表计一致" : String.join("；", problems));
    }

    /** AC-06: a treatment switched off while production runs is reported (ALM-01) within the rule's time plus Δ. */
    private AcceptanceCheck stateResponse() {
        List<Fault> tests = faults(TreatmentOff.class);
        if (tests.isEmpty()) {
            return new AcceptanceCheck("AC-06", "状态响应（停治污设施）", "未进行", "ALM-01 于 45 min 内", false, "未安排停机试验");
        }
        Duration limit = in.rules()
                .forEnterprise(enterprise)
                .minutes("alm.notRunningMinMin")
                .plus(GRID);
        List<String> problems = new ArrayList<>();
        Duration worst = Duration.ZERO;
        for (Fault f : tests) {
            LocalDateTime off = local(f.window().start());
            Optional<Duration> delay = in.alarms().stream()
                    .filter(a -> a.ruleId().equals("ALM-01") && a.raisedAt() != null)
                    .filter(a -> !a.raisedAt().isBefore(off))
                    .map(a -> Duration.between(off, a.raisedAt()))
                    .min(Duration::compareTo);
            if (delay.isEmpty() || delay.get().compareTo(limit) > 0) {
                problems.add(f.target() + " " + off + " 停机后 "
                        + delay.map(d -> d.toMinutes() + " min 才告警").orElse("未告警"));
            } else if (delay.get().compareTo(worst) > 0) {
                worst = delay.get();
            }
        }
        return new AcceptanceCheck(
                "AC-06",
                "状态响应（停治污设施）",
                problems.isEmpty() ? "停机后 " + worst.toMinutes() + " min 产生 ALM-01" : problems.size() + " 次超时或未告警",
                "ALM-01 于 " + limit.toMinutes() + " min 内",
                problems.isEmpty(),
                problems.isEmpty() ? "停治污设施后及时告警" : String.join("；", problems));
    }

    /** AC-07: after an uplink cut of at least 2 h every record of the cut is on the platform. */
    private AcceptanceCheck resend() {
        List<Fault> tests = faults(UplinkOutage.class).stream()
                .filter(f ->
                        Duration.between(f.window().start(), f.window().end()).compareTo(Duration.ofHours(2)) >= 0)
                .toList();
        if (tests.isEmpty()) {
            return new AcceptanceCheck("AC-07", "断网与补传", "未进行", "中断 ≥ 2 h，恢复后全部补传，不重复", false, "未安排断网补传试验");
        }
        List<String> problems = new ArrayList<>();
        int expectedTotal = 0;
        for (Fault f : tests) {
            LocalDateTime from = local(f.window().start());
            LocalDateTime to = local(f.window().end());
            for (String point : samples.keySet()) {
                long expected = Duration.between(from, to).dividedBy(GRID);
                long got = samples.get(point).stream()
                        .filter(s ->
                                !s.dataTime().isBefore(from) && s.dataTime().isBefore(to))
                        .count();
                expectedTotal += (int) expected;
                if (got < expected) {
                    problems.add(point + " 中断期间缺 " + (expected - got) + " 条");
                }
            }
        }
        return new AcceptanceCheck(
                "AC-07",
                "断网与补传",
                "中断 " + tests.size() + " 次，应补传 " + expectedTotal + " 条，缺失 " + problems.size() + " 个点位",
                "全部补传，不重复（补传时限未测）",
                problems.isEmpty(),
                problems.isEmpty() ? "中断期间的实时数据全部补传到平台" : String.join("；", problems));
    }

    /** AC-08: the platform's day energies equal the meters' register differences (AGG-03…05). */
    private AcceptanceCheck aggregation() {
        int compared = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<DayAggregate>> e : days.entrySet()) {
            for (DayAggregate d : e.getValue()) {
                Optional<BigDecimal> expected = in.truth().dayImportKwh(enterprise, e.getKey(), d.day(), zone);
                if (expected.isEmpty() || !d.energy().complete()) {
                    continue;
                }
                compared++;
                if (d.energy().published().subtract(expected.get()).abs().compareTo(TwinTruth.ENERGY_TOLERANCE) > 0) {
                    problems.add(e.getKey() + " " + d.day() + " 平台 "
                            + d.energy().published().toPlainString() + " kWh");
                }
            }
        }
        boolean ok = compared > 0 && problems.isEmpty();
        return new AcceptanceCheck(
                "AC-08",
                "统计（日电量与表码差一致）",
                "比对 " + compared + " 个点位日，不一致 " + problems.size(),
                "完全一致",
                ok,
                compared == 0 ? "试运行中无完整日可比对" : ok ? "日电量与电能表码差一致" : String.join("；", problems));
    }

    /** AC-09: the trial run is long enough, every point transmits enough, and no DQ alarm is unexplained. */
    private AcceptanceCheck trialRun() {
        var rules = in.rules().forEnterprise(enterprise);
        double hours = Duration.between(in.start(), in.end()).toMinutes() / 60.0;
        double minHours = rules.number("ac.trialRunHours");
        double minRate = rules.number("ac.transmissionRateMin");
        double worstRate = worstRate();
        List<StagedFault> staged = in.site().faults().stream()
                .map(f -> new StagedFault(enterprise, zone, f))
                .toList();
        ScenarioScore score = Scorer.score(staged, in.alarms());
        long unexplained = score.falseAlarms().stream()
                .filter(f -> f.rule().startsWith("DQ-"))
                .count();
        List<String> problems = new ArrayList<>();
        if (hours < minHours) {
            problems.add("试运行 %.0f h < %.0f h".formatted(hours, minHours));
        }
        if (worstRate < minRate) {
            problems.add("最低有效传输率 %.1f %% < %.0f %%".formatted(100 * worstRate, 100 * minRate));
        }
        if (unexplained > 0) {
            problems.add(unexplained + " 条无法解释的数据质量告警");
        }
        return new AcceptanceCheck(
                "AC-09",
                "试运行",
                "%.0f h，最低有效传输率 %.1f %%，无法解释的 DQ 告警 %d 条".formatted(hours, 100 * worstRate, unexplained),
                "≥ %.0f h，≥ %.0f %%，无无法解释的 DQ 告警".formatted(minHours, 100 * minRate),
                problems.isEmpty(),
                problems.isEmpty() ? "试运行合格" : String.join("；", problems));
    }

    /** AC-10: every production and treatment point has P_on and P_ref, with P_on ≤ P_ref. */
    private AcceptanceCheck thresholds() {
        List<String> problems = new ArrayList<>();
        int judged = 0;
        for (SiteArchive.Point p : archived.values()) {
            String kind = p.kind().name();
            if (kind.equals("MAIN") || kind.equals("INDIRECT")) {
                continue;
            }
            judged++;
            var on = p.limits().pOnKw();
            var ref = p.limits().pRefKw();
            if (on.isEmpty() || ref.isEmpty()) {
                problems.add(p.id() + " 未录入" + (on.isEmpty() ? " P_on" : "") + (ref.isEmpty() ? " P_ref" : ""));
            } else if (!(on.getAsDouble() > 0) || on.getAsDouble() > ref.getAsDouble()) {
                problems.add(p.id() + " P_on " + on.getAsDouble() + " kW 不在 (0, P_ref " + ref.getAsDouble() + " kW]");
            }
        }
        return new AcceptanceCheck(
                "AC-10",
                "判定阈值",
                "合格 " + (judged - problems.size()) + "/" + judged,
                "每个点位 0 < P_on ≤ P_ref",
                problems.isEmpty(),
                problems.isEmpty() ? "判定阈值齐全且合理" : String.join("；", problems));
    }

    /** AC-11: every point's effective transmission rate over the trial run reaches ac.transmissionRateMin. */
    private AcceptanceCheck completenessCheck() {
        double minRate = in.rules().forEnterprise(enterprise).number("ac.transmissionRateMin");
        double worst = worstRate();
        return new AcceptanceCheck(
                "AC-11",
                "数据完整性（有效传输率）",
                "最低 %.1f %%".formatted(100 * worst),
                "≥ %.0f %%".formatted(100 * minRate),
                worst >= minRate,
                worst >= minRate ? "各点位有效传输率达标（有效率按 100 % 计）" : "有点位有效传输率不足");
    }

    /** The lowest received ÷ expected over the run of any archived point (0 when one has no data at all). */
    private double worstRate() {
        long expected = Duration.between(in.start(), in.end()).dividedBy(GRID);
        double worst = archived.isEmpty() ? 0 : 1;
        for (String id : archived.keySet()) {
            long got = samples.getOrDefault(id, List.of()).size();
            worst = Math.min(worst, expected == 0 ? 0 : Math.min(1.0, (double) got / expected));
        }
        return worst;
    }

    private List<Completeness> completeness() {
        List<Completeness> out = new ArrayList<>();
        days.forEach((point, list) ->
                list.forEach(d -> out.add(new Completeness(point, d.day(), Math.min(1.0, d.completeness())))));
        return out;
    }

    private List<Fault> faults(Class<? extends Fault> kind) {
        return in.site().faults().stream().filter(kind::isInstance).toList();
    }

    /** What the meter may have shown at grid instant t ({@code TwinTruth#polledAt}). */
    private List<PointSample> polled(String point, LocalDateTime t) {
        return in.truth().polledAt(enterprise, point, t.atZone(zone).toInstant());
    }

    /** Whether the sample's mean phase current is at least {@code share} of the CT's rated primary current. */
    private static boolean loaded(PointSeries.Sample s, double ratedA, double share) {
        double ia = number(s, "IA");
        double ic = number(s, "IC");
        double ib = number(s, "IB");
        double mean = Double.isNaN(ib) ? (ia + ic) / 2 : (ia + ib + ic) / 3;
        return !Double.isNaN(mean) && mean >= share * ratedA;
    }

    private static double number(PointSeries.Sample s, String quantity) {
        String v = s.values().get(quantity);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, zone);
    }

    private static String ratio(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static PointRole role(FacilityKind kind) {
        return PointRole.valueOf(kind.name());
    }
}
