package io.pollwatt.verification.certification;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.CertCase;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Verdict;
import io.pollwatt.emulator.code.Quantity;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.FactorValues;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.aggregate.Stats;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.verification.external.ReferenceApi;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges PLT-ING-01 … PLT-AGG-03 from what the fleet built and sent ({@link FleetWatch}, the devices' stores) against
 * what the platform returns through the reference REST contract. The tester computes the aggregates itself from the
 * 2011 records it sent (rulebook AGG-01…05); it never reads the reference platform's code or database.
 */
final class PlatformChecks {

    /** One record a device built, as stored for sending: MN, CN and the data segment. */
    record Built(String mn, String cn, String segment) {}

    /** HJ 212's answer timeout for 4G (Table 1, hj212-2017.md §9.5). */
    static final Duration OVER_TIME = Duration.ofSeconds(10);

    /** Energies are exact decimals of two places; a difference this large is not rounding. */
    static final BigDecimal ENERGY_TOLERANCE = new BigDecimal("0.005");

    /** AGG-01's tolerance at the rulebook's default (agg.snapToleranceMin = 2). */
    static final Duration SNAP = Duration.ofMinutes(2);

    /**
     * AGG-01: a DataTime within {@link #SNAP} of a 15-minute grid instant stands for it; one further from every
     * instant stands for none, and the platform must leave it out. A device stamps such records when its clock is
     * off: drift, or a time set by a platform's 1012 that was on its way for minutes of device time.
     */
    static Optional<LocalDateTime> grid(LocalDateTime t) {
        LocalDateTime floor = t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 15 * 15);
        long past = Duration.between(floor, t).toSeconds();
        if (past <= SNAP.toSeconds()) {
            return Optional.of(floor);
        }
        if (Duration.ofMinutes(15).toSeconds() - past <= SNAP.toSeconds()) {
            return Optional.of(floor.plusMinutes(15));
        }
        return Optional.empty();
    }

    static final double MEAN_TOLERANCE = 1e-9;

    private static final int KEPT = 10;

    private final ReferenceApi api;
    private final String enterprise;
    private final Map<String, PlatformCertifier.DeviceMeters> devices;
    private final LocalDate first;
    private final LocalDate last;
    private final Catalogue catalogue = Catalogue.standard();

    /** Each point's records as the API returns them, read once. */
    private final Map<String, List<PointSeries.Sample>> samples = new LinkedHashMap<>();

    PlatformChecks(
            ReferenceApi api,
            String enterprise,
            Map<String, PlatformCertifier.DeviceMeters> devices,
            ZoneId zone,
            LocalDate first,
            LocalDate last) {
        this.api = api;
        this.enterprise = enterprise;
        this.devices = devices;
        this.first = first;
        this.last = last;
    }

    /** A record of one point as sent: values by quantity name. */
    record Sent(String point, String mn, String cn, LocalDateTime dataTime, Map<String, BigDecimal> values) {}

    List<CaseResult> judge(List<Built> built, FleetWatch watch, JsonNode before, JsonNode after) {
        for (PlatformCertifier.DeviceMeters d : devices.values()) {
            for (String point : d.meters().values()) {
                samples.put(point, api.records(enterprise, point, first, last).orElse(null));
            }
        }
        List<Sent> sent = sent(built);
        List<CaseResult> out = new ArrayList<>();
        out.add(ingestion(sent));
        out.add(ackAfterStorage(watch));
        out.add(answers(watch));
        out.add(dedup(watch, before, after));
        Aggregates agg = new Aggregates(sent);
        out.add(agg.hourlyEnergy());
        out.add(agg.hourlyMeans());
        out.add(agg.days());
        return out;
    }

    /** Evidence of one case. */
    private final class Case {
        final CertCase c;
        final List<String> lines = new ArrayList<>();
        int failures;
        String inconclusive;

        Case(String id) {
            c = catalogue.find(id).orElseThrow(() -> new IllegalStateException("no case " + id + " in the catalogue"));
        }

        void fail(String what) {
            if (++failures <= KEPT) {
                lines.add("FAIL " + what);
            }
        }

        void note(String what) {
            lines.add(what);
        }

        CaseResult result() {
            List<String> l = new ArrayList<>(lines);
            if (failures > KEPT) {
                l.add("... and " + (failures - KEPT) + " more failure(s)");
            }
            Verdict v = failures > 0 ? Verdict.FAIL : inconclusive != null ? Verdict.INCONCLUSIVE : Verdict.PASS;
            if (v == Verdict.INCONCLUSIVE) {
                l.add(inconclusive);
            }
            return new CaseResult(c.id(), c.clause(), c.title(), v, l);
        }
    }

    /** The built records as per-point records with values by quantity name (pollwatt's factor-code table). */
    private List<Sent> sent(List<Built> built) {
        Map<String, Quantity> byNumber = new HashMap<>();
        for (Quantity q : Quantity.values()) {
            byNumber.put("%02d".formatted(q.number()), q);
        }
        Hj212Codec codec = Hj212Codec.lenient();
        List<Sent> out = new ArrayList<>();
        for (Built b : built) {
            Decoded d = codec.decode(FrameWriter.frame(b.segment()), Direction.UP);
            if (!(d instanceof Decoded.Ok ok) || !(ok.message() instanceof DataUpload upload)) {
                throw new IllegalStateException("a record the fleet stored does not decode: " + d);
            }
            PlatformCertifier.DeviceMeters dev = devices.get(b.mn());
            Map<String, Map<String, BigDecimal>> byPoint = new LinkedHashMap<>();
            for (FactorValues f : upload.factors()) {
                String code = f.code();
                if (code.length() != 6 || !code.startsWith("g7")) {
                    continue;
                }
                Quantity q = byNumber.get(code.substring(2, 4));
                String point = dev.meters().get(Integer.parseInt(code.substring(4, 6)));
                if (q == null || point == null) {
                    continue;
                }
                Optional<BigDecimal> v = b.cn().equals("2051")
                        ? (q == Quantity.EP_IMPORT ? f.decimal("Cou") : Optional.empty())
                        : f.decimal("Rtd");
                v.ifPresent(x ->
                        byPoint.computeIfAbsent(point, k -> new TreeMap<>()).put(q.name(), x));
            }
            byPoint.forEach((point, values) -> out.add(new Sent(point, b.mn(), b.cn(), upload.dataTime(), values)));
        }
        return out;
    }

    private Optional<PointSeries.Sample> sample(String point, String cn, LocalDateTime t) {
        List<PointSeries.Sample> l = samples.get(point);
        if (l == null) {
            return Optional.empty();
        }
        return l.stream()
                .filter(s -> s.cn().equals(cn) && s.dataTime().equals(t))
                .findFirst();
    }

    private CaseResult ingestion(List<Sent> sent) {
        Case c = new Case("PLT-ING-01");
        for (PlatformCertifier.DeviceMeters d : devices.values()) {
            for (String point : d.meters().values()) {
                if (samples.get(point) == null) {
                    c.fail("point " + point + ": GET /api/series answered 404 (no such point in the archive)");
                    continue;
                }
                Optional<String> mn = api.mn(enterprise, point);
                if (!mn.equals(Optional.of(d.mn()))) {
                    c.fail("point " + point + ": the API names MN " + mn.orElse("(none)") + ", the DTU sends "
                            + d.mn());
                }
            }
        }
        int matched = 0;
        for (Sent s : sent) {
            Optional<PointSeries.Sample> got = sample(s.point(), s.cn(), s.dataTime());
            if (got.isEmpty()) {
                c.fail("point " + s.point() + " MN " + s.mn() + " CN " + s.cn() + " DataTime " + s.dataTime()
                        + ": sent, not returned by GET /api/series?interval=15m");
                continue;
            }
            boolean same = true;
            for (Map.Entry<String, BigDecimal> v : s.values().entrySet()) {
                String text = got.get().values().get(v.getKey());
                BigDecimal api = number(text);
                if (api == null || api.compareTo(v.getValue()) != 0) {
                    same = false;
                    c.fail("point " + s.point() + " CN " + s.cn() + " DataTime " + s.dataTime() + " " + v.getKey()
                            + ": sent " + v.getValue().toPlainString() + ", API " + text);
                }
            }
            matched += same ? 1 : 0;
        }
        c.note("%d point records built (%d of CN 2011, %d of CN 2051), %d returned with every value as sent"
                .formatted(
                        sent.size(),
                        sent.stream().filter(s -> s.cn().equals("2011")).count(),
                        sent.stream().filter(s -> s.cn().equals("2051")).count(),
                        matched));
        if (sent.stream().noneMatch(s -> s.cn().equals("2011"))) {
            c.inconclusive = "the fleet built no 2011 record";
        }
        return c.result();
    }

    private CaseResult ackAfterStorage(FleetWatch watch) {
        Case c = new Case("PLT-ACK-01");
        int checked = 0;
        int unreadable = 0;
        for (FleetWatch.Upload u : watch.delivered()) {
            String cn = u.cn();
            Optional<LocalDateTime> t = u.dataTime();
            PlatformCertifier.DeviceMeters d = devices.get(u.mn());
            if (!(cn.equals("2011") || cn.equals("2051")) || t.isEmpty() || d == null) {
                unreadable++;
                continue;
            }
            checked++;
            String point = d.meters().values().iterator().next();
            if (sample(point, cn, t.get()).isEmpty()) {
                c.fail(u.describe() + ": the device got a 9014, the API does not return the record (point " + point
                        + ")");
            }
        }
        watch.atAckFailures().forEach(c::fail);
        c.note("%d acknowledged 2011/2051 records read back after the run; %d of them also read at the moment of"
                        .formatted(checked, watch.checkedAtAck().size())
                + " their 9014, before the device got it");
        c.note(unreadable + " acknowledged uploads of other CNs (2061, 2031) are not readable through the contract");
        if (checked == 0) {
            c.inconclusive = "no 2011 or 2051 upload was acknowledged";
        }
        return c.result();
    }

    private CaseResult answers(FleetWatch watch) {
        Case c = new Case("PLT-ACK-02");
        int frames = 0;
        int acks = 0;
        Set<String> answered = new HashSet<>();
        for (FleetWatch.Answer a : watch.answers()) {
            frames++;
            if (a.strict() instanceof Decoded.Rejected r) {
                c.fail("link " + a.link() + " frame " + a.text() + ": strict decoding rejects it: " + r);
            }
            Decoded lenient = Hj212Codec.lenient()
                    .decode((a.text() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), Direction.DOWN);
            if (!(lenient instanceof Decoded.Ok ok)
                    || !(ok.message() instanceof Reply reply)
                    || !reply.cn().is(Cn.DATA_ANSWER)) {
                continue;
            }
            acks++;
            if (a.answers().isEmpty()) {
                c.fail("link " + a.link() + ": 9014 with QN "
                        + (reply.header().qn() == null
                                ? "(none)"
                                : reply.header().qn().text()) + " answers no upload of its connection: " + a.text());
                continue;
            }
            FleetWatch.Upload u = a.answers().get();
            answered.add(FleetWatch.key(u.link, u.qn()));
            String st = reply.header().st().text();
            if (!st.equals("91")) {
                c.fail("9014 for " + u.describe() + ": ST=" + st + ", expected 91: " + a.text());
            }
            Flag flag = reply.header().flag();
            if (flag == null || flag.version() != Flag.VERSION_2017 || flag.answerWanted() || flag.split()) {
                c.fail("9014 for " + u.describe() + ": Flag=" + (flag == null ? "(none)" : flag.text())
                        + ", expected version 000001 with A=0 and D=0 (Flag=4): " + a.text());
            }
            if (!reply.header().mn().equals(u.mn())) {
                c.fail("9014 for " + u.describe() + ": MN " + reply.header().mn() + ", expected the upload's");
            }
            if (a.latencyNanos() > OVER_TIME.toNanos()) {
                c.fail("9014 for " + u.describe()
                        + ": %.1f s after the upload, OverTime is %d s"
                                .formatted(a.latencyNanos() / 1e9, OVER_TIME.toSeconds()));
            }
        }
        int uploads = 0;
        for (FleetWatch.Upload u : watch.uploads()) {
            if (u.copy || !u.message.header().answerWanted()) {
                continue;
            }
            uploads++;
            if (!answered.contains(FleetWatch.key(u.link, u.qn()))) {
                c.fail(u.describe() + ": asked for an answer (A=1), got no 9014 (sent " + u.sends + " time(s))");
            }
        }
        c.note("%d frames from the platform, %d of them 9014; %d uploads asked for an answer"
                .formatted(frames, acks, uploads));
        if (acks == 0) {
            c.inconclusive = "the platform sent no 9014";
        }
        return c.result();
    }

    private CaseResult dedup(FleetWatch watch, JsonNode before, JsonNode after) {
        Case c = new Case("PLT-DUP-01");
        int retries = 0;
        for (String key : watch.withheld()) {
            FleetWatch.Upload u = watch.upload(key);
            if (u.sends < 2) {
                c.inconclusive = "the device did not retry " + u.describe() + " after its 9014 was withheld";
            } else {
                retries += u.sends - 1;
                c.note("retried " + (u.sends - 1) + " time(s) with the same QN after its 9014 was withheld: "
                        + u.describe());
            }
        }
        Set<String> answered = watch.copiesAnswered();
        for (String key : watch.copies()) {
            FleetWatch.Upload u = watch.upload(key);
            if (answered.contains(key)) {
                c.note("re-sent with a new QN and answered: " + u.describe());
            } else {
                c.fail("re-sent with a new QN, no 9014 for it (a device would resend it again): " + u.describe());
            }
        }
        int twice = 0;
        for (Map.Entry<String, List<PointSeries.Sample>> e : samples.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (PointSeries.Sample s : e.getValue()) {
                if (!seen.add(s.cn() + "/" + s.dataTime())) {
                    twice++;
                    c.fail("point " + e.getKey() + " CN " + s.cn() + " DataTime " + s.dataTime()
                            + ": returned more than once");
                }
            }
        }
        Set<String> distinct = new HashSet<>();
        for (FleetWatch.Upload u : watch.uploads()) {
            if (!u.copy) {
                distinct.add(u.mn() + "/" + u.cn() + "/"
                        + u.dataTime().map(Object::toString).orElse(u.qn()));
            }
        }
        long stored = after.path("records").asLong() - before.path("records").asLong();
        c.note("%d distinct records (MN, CN, DataTime) sent; the platform's stored-record count grew by %d"
                .formatted(distinct.size(), stored));
        if (stored > distinct.size()) {
            c.fail("the platform stored " + stored + " records for " + distinct.size()
                    + " distinct records sent: some were stored twice (or something else sent to it meanwhile)");
        }
        int copies = watch.copies().size() + retries;
        if (after.has("duplicates") && before.has("duplicates")) {
            long dups = after.path("duplicates").asLong()
                    - before.path("duplicates").asLong();
            c.note("its duplicate count grew by " + dups + " for " + copies + " copies sent (retries and re-sends)");
            if (dups < copies) {
                c.fail("the duplicate count grew by " + dups + ", fewer than the " + copies + " copies sent");
            }
        } else {
            c.note("GET /api/stats reports no duplicate count");
        }
        if (twice == 0 && watch.copies().isEmpty() && retries == 0 && c.inconclusive == null) {
            c.inconclusive = "no copy was sent";
        }
        return c.result();
    }

    /** The tester's own aggregation of the 2011 records it sent (rulebook AGG-01…05). */
    private final class Aggregates {
        /** per point: grid instant → values */
        final Map<String, TreeMap<LocalDateTime, Map<String, BigDecimal>>> byPoint = new LinkedHashMap<>();

        /** 2011 records whose DataTime is on no grid instant: AGG-01 leaves them out of every aggregate. */
        int offGrid;

        Aggregates(List<Sent> sent) {
            for (Sent s : sent) {
                if (!s.cn().equals("2011")) {
                    continue;
                }
                Optional<LocalDateTime> at = grid(s.dataTime());
                if (at.isEmpty()) {
                    offGrid++;
                    continue;
                }
                // a record split into packets carries a point's quantities in more than one of them; of two records
                // for one instant the first is kept (AGG-01), as the devices' stores list them in the order sent
                Map<String, BigDecimal> values = byPoint.computeIfAbsent(s.point(), k -> new TreeMap<>())
                        .computeIfAbsent(at.get(), k -> new TreeMap<>());
                s.values().forEach(values::putIfAbsent);
            }
        }

        private Optional<BigDecimal> energy(String point, LocalDateTime from, LocalDateTime to) {
            Map<String, BigDecimal> a =
                    byPoint.getOrDefault(point, new TreeMap<>()).get(from);
            Map<String, BigDecimal> b =
                    byPoint.getOrDefault(point, new TreeMap<>()).get(to);
            if (a == null || b == null || a.get("EP_IMPORT") == null || b.get("EP_IMPORT") == null) {
                return Optional.empty();
            }
            return Optional.of(b.get("EP_IMPORT").subtract(a.get("EP_IMPORT")));
        }

        /** The hour's records' values per instantaneous quantity (START labels: hh:00 … hh:45). */
        private Map<String, List<BigDecimal>> hour(String point, LocalDateTime h) {
            Map<String, List<BigDecimal>> out = new TreeMap<>();
            byPoint.getOrDefault(point, new TreeMap<>())
                    .subMap(h, true, h.plusHours(1), false)
                    .values()
                    .forEach(v -> v.forEach((q, x) -> {
                        if (!q.startsWith("EP_")) {
                            out.computeIfAbsent(q, k -> new ArrayList<>()).add(x);
                        }
                    }));
            return out;
        }

        private Map<LocalDateTime, HourAggregate> apiHours(String point, Case c) {
            Map<LocalDateTime, HourAggregate> out = new HashMap<>();
            Optional<List<HourAggregate>> hours = api.hours(enterprise, point, first, last);
            if (hours.isEmpty()) {
                c.fail("point " + point + ": GET /api/series?interval=1h answered 404");
            } else {
                hours.get().forEach(h -> out.put(h.hour(), h));
            }
            return out;
        }

        CaseResult hourlyEnergy() {
            Case c = new Case("PLT-AGG-01");
            int hours = 0;
            for (String point : byPoint.keySet()) {
                Map<LocalDateTime, HourAggregate> got = apiHours(point, c);
                for (LocalDateTime h = first.atStartOfDay(); h.isBefore(last.atStartOfDay()); h = h.plusHours(1)) {
                    Optional<BigDecimal> e = energy(point, h, h.plusHours(1));
                    if (e.isEmpty()) {
                        continue;
                    }
                    hours++;
                    HourAggregate a = got.get(h);
                    if (a == null
                            || a.energy() == null
                            || a.energy().published() == null
                            || a.energy().partial()) {
                        c.fail("point " + point + " hour " + h + ": both boundary readings sent (" + e.get()
                                + " kWh), the API has " + (a == null ? "no such hour" : "energy " + a.energy()));
                    } else if (a.energy().published().subtract(e.get()).abs().compareTo(ENERGY_TOLERANCE) > 0) {
                        c.fail("point " + point + " hour " + h + ": energy "
                                + a.energy().published() + " kWh, the" + " register readings sent give " + e.get());
                    }
                }
            }
            c.note(hours + " point-hours with both boundary readings compared");
            if (hours == 0) {
                c.inconclusive = "no hour had both boundary readings";
            }
            return c.result();
        }

        CaseResult hourlyMeans() {
            Case c = new Case("PLT-AGG-02");
            int hours = 0;
            for (String point : byPoint.keySet()) {
                Map<LocalDateTime, HourAggregate> got = apiHours(point, c);
                for (LocalDateTime h = first.atStartOfDay(); h.isBefore(last.atStartOfDay()); h = h.plusHours(1)) {
                    Map<String, List<BigDecimal>> values = hour(point, h);
                    if (values.isEmpty()) {
                        continue;
                    }
                    hours++;
                    HourAggregate a = got.get(h);
                    for (Map.Entry<String, List<BigDecimal>> q : values.entrySet()) {
                        Stats s = a == null || a.quantities() == null
                                ? null
                                : a.quantities().get(q.getKey());
                        String where = "point " + point + " hour " + h + " " + q.getKey();
                        if (s == null) {
                            c.fail(where + ": sent " + q.getValue().size() + " values, the API has none");
                            continue;
                        }
                        List<BigDecimal> v = q.getValue();
                        BigDecimal mean = mean(v);
                        if (s.count() != v.size()) {
                            c.fail(where + ": count " + s.count() + ", sent " + v.size());
                        }
                        if (!close(s.mean(), mean)) {
                            c.fail(where + ": mean " + s.mean() + ", the values sent give " + mean);
                        }
                        BigDecimal min = v.stream().min(BigDecimal::compareTo).orElseThrow();
                        BigDecimal max = v.stream().max(BigDecimal::compareTo).orElseThrow();
                        if (s.min() == null
                                || s.min().compareTo(min) != 0
                                || s.max() == null
                                || s.max().compareTo(max) != 0) {
                            c.fail(where + ": min/max " + s.min() + "/" + s.max() + ", sent " + min + "/" + max);
                        }
                    }
                }
            }
            c.note(hours + " point-hours with records compared (count, mean, min, max of every quantity sent)");
            if (offGrid > 0) {
                c.note(offGrid + " point records stamped on no grid instant, left out as AGG-01 leaves them out");
            }
            if (hours == 0) {
                c.inconclusive = "no hour had a record";
            }
            return c.result();
        }

        CaseResult days() {
            Case c = new Case("PLT-AGG-03");
            int days = 0;
            for (String point : byPoint.keySet()) {
                Optional<List<DayAggregate>> got = api.days(enterprise, point, first, last);
                if (got.isEmpty()) {
                    c.fail("point " + point + ": GET /api/series?interval=1d answered 404");
                    continue;
                }
                Map<LocalDate, DayAggregate> byDay = new HashMap<>();
                got.get().forEach(d -> byDay.put(d.day(), d));
                for (LocalDate day = first; day.isBefore(last); day = day.plusDays(1)) {
                    Optional<BigDecimal> e =
                            energy(point, day.atStartOfDay(), day.plusDays(1).atStartOfDay());
                    if (e.isEmpty()) {
                        continue;
                    }
                    days++;
                    String where = "point " + point + " day " + day;
                    DayAggregate a = byDay.get(day);
                    if (a == null) {
                        c.fail(where + ": no such day in the API's answer");
                        continue;
                    }
                    int records = byPoint.get(point)
                            .subMap(day.atStartOfDay(), true, day.plusDays(1).atStartOfDay(), false)
                            .size();
                    if (a.records() != records) {
                        c.fail(where + ": records " + a.records() + ", sent " + records);
                    }
                    if (a.energy() == null
                            || !a.energy().complete()
                            || a.energy().published().subtract(e.get()).abs().compareTo(ENERGY_TOLERANCE) > 0) {
                        c.fail(where + ": energy " + (a.energy() == null ? "(none)" : a.energy()) + ", the register"
                                + " readings at both midnights give " + e.get() + " kWh");
                    }
                    Map<String, List<BigDecimal>> validMeans = new TreeMap<>();
                    Map<String, BigDecimal> maxima = new TreeMap<>();
                    for (LocalDateTime h = day.atStartOfDay();
                            h.isBefore(day.plusDays(1).atStartOfDay());
                            h = h.plusHours(1)) {
                        Map<String, List<BigDecimal>> values = hour(point, h);
                        for (Map.Entry<String, List<BigDecimal>> q : values.entrySet()) {
                            q.getValue().forEach(x -> maxima.merge(q.getKey(), x, BigDecimal::max));
                            if (q.getValue().size() >= 3) { // agg.minSamplesPerHour
                                validMeans
                                        .computeIfAbsent(q.getKey(), k -> new ArrayList<>())
                                        .add(mean(q.getValue()));
                            }
                        }
                    }
                    for (Map.Entry<String, List<BigDecimal>> q : validMeans.entrySet()) {
                        Stats s = a.quantities() == null ? null : a.quantities().get(q.getKey());
                        BigDecimal mean = mean(q.getValue());
                        if (s == null) {
                            c.fail(where + " " + q.getKey() + ": the API has no daily value");
                            continue;
                        }
                        if (!close(s.mean(), mean)) {
                            c.fail(where + " " + q.getKey() + ": mean " + s.mean() + ", the mean of the valid hourly"
                                    + " means sent is " + mean);
                        }
                        if (s.max() == null || s.max().compareTo(maxima.get(q.getKey())) != 0) {
                            c.fail(where + " " + q.getKey() + ": max " + s.max() + ", the largest value sent is "
                                    + maxima.get(q.getKey()));
                        }
                    }
                }
            }
            c.note(days + " point-days with both midnight readings compared");
            if (days == 0) {
                c.inconclusive = "no whole day was sent";
            }
            return c.result();
        }
    }

    private static BigDecimal mean(List<BigDecimal> v) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal x : v) {
            sum = sum.add(x);
        }
        return sum.divide(BigDecimal.valueOf(v.size()), MathContext.DECIMAL64);
    }

    private static boolean close(BigDecimal api, BigDecimal tester) {
        if (api == null) {
            return false;
        }
        double a = api.doubleValue();
        double t = tester.doubleValue();
        return Math.abs(a - t) <= MEAN_TOLERANCE * Math.max(1, Math.abs(t));
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
