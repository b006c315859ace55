package io.pollwatt.verification.validation;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.site.CtRatio;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.PtRatio;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The platform's archive (备案) of a generated enterprise, as its operator would enter it: every point as installed,
 * the devices of its plan, and the judgement limits from the nameplates. Production points get P_on = 20 % of their
 * rated power (ST-04's ratio; without it the floor of 0.2 kW would count an idling machine as production and every
 * night as ALM-01); treatment points get P_ref = their rated power, so LOW (ALM-04) can be judged from day one
 * instead of after ST-04's 60-day window. Generated enterprises have no control periods, capacity or maintenance.
 */
final class PopulationArchive {

    /** ST-04's default ratio for production: running from 20 % of the reference. */
    static final double PROD_ON_SHARE = 0.2;

    private PopulationArchive() {}

    static SiteArchive of(Enterprise e, DevicePlan plan, ZoneId zone) {
        return new SiteArchive(
                e.id(),
                e.name(),
                e.district(),
                e.industry(),
                zone,
                e.facilities().stream().map(PopulationArchive::point).toList(),
                e.groups().stream()
                        .map(g -> new SiteArchive.Group(g.id(), g.members(), g.requiredRunning()))
                        .toList(),
                e.associations().stream()
                        .map(a -> new SiteArchive.Association(a.productionId(), a.groupId()))
                        .toList(),
                List.of(),
                e.stacks().stream()
                        .map(s -> new SiteArchive.Stack(s.id(), s.heightM(), s.productionIds(), s.groupIds()))
                        .toList(),
                List.of(),
                plan.dtus().stream()
                        .map(d -> new SiteArchive.Dtu(
                                d.mn(),
                                d.pw(),
                                d.meters().stream()
                                        .map(m -> new SiteArchive.Meter(m.number(), m.pointId()))
                                        .toList()))
                        .toList(),
                plan.collectors().stream()
                        .map(c -> new SiteArchive.Collector(c.mn(), c.pw(), c.stackId()))
                        .toList());
    }

    private static SiteArchive.Point point(Facility f) {
        PtRatio pt = f.circuit().pt();
        return new SiteArchive.Point(
                f.id(),
                f.name(),
                SiteArchive.PointKind.valueOf(f.kind().name()),
                Optional.ofNullable(f.parentId()),
                f.circuit().nominalLineVoltageV(),
                f.circuit().wiring() == Wiring.THREE_PHASE_THREE_WIRE ? "3P3W" : "3P4W",
                pt.equals(PtRatio.NONE) ? Optional.empty() : Optional.of(ratio(pt.primaryVolts(), pt.secondaryVolts())),
                f.meter().id(),
                ct(f.meter().installedCt()),
                limits(f));
    }

    private static SiteArchive.Limits limits(Facility f) {
        if (f.load() == null) {
            return SiteArchive.Limits.NONE;
        }
        double rated = f.load().ratedKw();
        if (f.kind() == FacilityKind.PROD) {
            return new SiteArchive.Limits(
                    OptionalDouble.of(round(PROD_ON_SHARE * rated)),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        if (f.kind() == FacilityKind.TREAT) {
            return new SiteArchive.Limits(
                    OptionalDouble.empty(), OptionalDouble.of(rated), OptionalDouble.empty(), OptionalDouble.empty());
        }
        return SiteArchive.Limits.NONE;
    }

    private static SiteArchive.Ratio ct(CtRatio ct) {
        return new SiteArchive.Ratio(BigDecimal.valueOf(ct.primaryAmps()), BigDecimal.valueOf(ct.secondaryAmps()));
    }

    private static SiteArchive.Ratio ratio(double primary, double secondary) {
        return new SiteArchive.Ratio(BigDecimal.valueOf(primary), BigDecimal.valueOf(secondary));
    }

    private static double round(double kw) {
        return Math.round(kw * 100) / 100.0;
    }
}
