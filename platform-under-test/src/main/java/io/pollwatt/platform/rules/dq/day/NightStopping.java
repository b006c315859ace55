package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * ALM-10 夜间偷停 (optional): treatment switched off at night while production goes on. Per day D, with the night
 * from {@code alm.nightWindowStart} of D to {@code alm.nightWindowEnd} (of D+1 when it wraps) and the day the rest
 * before it, ρ = (E_treat,night ÷ E_prod,night) ÷ (E_treat,day ÷ E_prod,day) over the enterprise's PROD and TREAT
 * points (PROD_TREAT in neither); flagged when ρ < {@code alm.nightRatioMin} while night production is at least
 * {@code alm.nightProdShareMin} of day production. The energies are sums of complete hourly energies (an hour
 * belongs to the window its start lies in); a window with any hour missing or partial, or a day without production
 * or treatment energy, is not judged. Raised when the night closes.
 */
public final class NightStopping implements Rule {

    @Override
    public String id() {
        return "ALM-10";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        List<PointData> prod = ofKind(e, SiteArchive.PointKind.PROD);
        List<PointData> treat = ofKind(e, SiteArchive.PointKind.TREAT);
        if (prod.isEmpty() || treat.isEmpty()) {
            return;
        }
        LocalTime nightStart = e.config().time("alm.nightWindowStart");
        LocalTime nightEnd = e.config().time("alm.nightWindowEnd");
        boolean wraps = !nightEnd.isAfter(nightStart);
        double ratioMin = e.config().number("alm.nightRatioMin");
        double shareMin = e.config().number("alm.nightProdShareMin");
        // each point's hours by start, built once: every day's night and day sums look them up
        Map<PointData, Map<LocalDateTime, HourAggregate>> byHour = new IdentityHashMap<>(); // records hash deep
        for (LocalDate d : Days.aggregatedDays(e)) {
            LocalDateTime nightFrom = d.atTime(nightStart);
            LocalDateTime nightTo = (wraps ? d.plusDays(1) : d).atTime(nightEnd);
            // the day is the part of the 24 h cycle before the night: [end, start) of D, or [end of D−1… ) unwrapped
            LocalDateTime dayFrom = wraps ? d.atTime(nightEnd) : nightTo.minusDays(1);
            LocalDateTime dayTo = nightFrom;
            BigDecimal prodNight = sum(prod, nightFrom, nightTo, byHour);
            BigDecimal treatNight = sum(treat, nightFrom, nightTo, byHour);
            BigDecimal prodDay = sum(prod, dayFrom, dayTo, byHour);
            BigDecimal treatDay = sum(treat, dayFrom, dayTo, byHour);
            if (prodNight == null || treatNight == null || prodDay == null || treatDay == null) {
                continue;
            }
            if (prodDay.signum() <= 0 || treatDay.signum() <= 0 || prodNight.signum() <= 0) {
                continue;
            }
            double share = prodNight.doubleValue() / prodDay.doubleValue();
            double rho = (treatNight.doubleValue() / prodNight.doubleValue())
                    / (treatDay.doubleValue() / prodDay.doubleValue());
            if (!(rho < ratioMin && share >= shareMin)) {
                continue;
            }
            Map<String, Object> ev = Days.evidence(
                    e, "alm.nightWindowStart", "alm.nightWindowEnd", "alm.nightRatioMin", "alm.nightProdShareMin");
            ev.put("rho", rho);
            ev.put("nightProdShare", share);
            ev.put("prodNightKwh", prodNight);
            ev.put("treatNightKwh", treatNight);
            ev.put("prodDayKwh", prodDay);
            ev.put("treatDayKwh", treatDay);
            out.add(Days.finding(
                    this,
                    e,
                    e.enterpriseId(),
                    "nightStop",
                    SubOverMain.ids(treat),
                    SubOverMain.ids(prod),
                    nightFrom,
                    nightTo,
                    nightTo,
                    ev));
        }
    }

    private static Map<LocalDateTime, HourAggregate> hours(PointData p) {
        Map<LocalDateTime, HourAggregate> out = new HashMap<>();
        p.aggregate().get().hours().forEach(h -> out.put(h.hour(), h));
        return out;
    }

    private static List<PointData> ofKind(Evaluation e, SiteArchive.PointKind kind) {
        return e.data().points().values().stream().filter(p -> p.kind() == kind).toList();
    }

    /** Σ of the complete hourly energies of every point in [from, to), {@code null} if one is missing or partial. */
    private static BigDecimal sum(
            List<PointData> points,
            LocalDateTime from,
            LocalDateTime to,
            Map<PointData, Map<LocalDateTime, HourAggregate>> byHour) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PointData p : points) {
            if (p.aggregate().isEmpty()) {
                return null;
            }
            Map<LocalDateTime, HourAggregate> hours = byHour.computeIfAbsent(p, NightStopping::hours);
            for (LocalDateTime h = from.withMinute(0); h.isBefore(to); h = h.plusHours(1)) {
                HourAggregate a = hours.get(h);
                if (a == null || !a.energy().complete()) {
                    return null;
                }
                sum = sum.add(a.energy().published());
            }
        }
        return sum;
    }
}
