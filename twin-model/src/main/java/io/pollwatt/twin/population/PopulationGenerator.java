package io.pollwatt.twin.population;

import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.FrozenMeter;
import io.pollwatt.twin.fault.PhaseVoltageLost;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.TreatmentUnderLoad;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.fault.WrongCtRatio;
import io.pollwatt.twin.site.Association;
import io.pollwatt.twin.site.Circuit;
import io.pollwatt.twin.site.CtRatio;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.JudgementLimits;
import io.pollwatt.twin.site.LoadProfile;
import io.pollwatt.twin.site.Meter;
import io.pollwatt.twin.site.PtRatio;
import io.pollwatt.twin.site.Shift;
import io.pollwatt.twin.site.Stack;
import io.pollwatt.twin.site.TreatmentGroup;
import io.pollwatt.twin.site.VocAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates plausible enterprises (size, industry mix, loads from domain-rules EM-08, treatment groups with duty and
 * standby, shifts, a VOC stack) and random faults for them. The same {@link Random} state gives the same
 * enterprise; give each enterprise its own stream ({@code Seeds.streamFor("population/E0042")}).
 */
public final class PopulationGenerator {

    /** An industry: what its production points draw and what treats their exhaust. */
    private record Industry(String name, LoadProfile[] production, LoadProfile[] treatment) {}

    private static final Industry[] INDUSTRIES = {
        new Industry(
                "纺织",
                new LoadProfile[] {
                    LoadProfile.steady(55, 0.85),
                    new LoadProfile(LoadProfile.Shape.THERMOSTATIC, 90, 1.0, 2, Duration.ofMinutes(30), 0.6, 5)
                },
                new LoadProfile[] {LoadProfile.steady(11, 0.82), LoadProfile.steady(8, 0.8)}),
        new Industry(
                "塑料制品",
                new LoadProfile[] {
                    new LoadProfile(LoadProfile.Shape.CYCLIC, 45, 0.75, 5, Duration.ofMinutes(3), 0.7, 12),
                    LoadProfile.steady(75, 0.85)
                },
                new LoadProfile[] {LoadProfile.steady(15, 0.85), LoadProfile.steady(5, 0.92)}),
        new Industry(
                "家具制造",
                new LoadProfile[] {
                    new LoadProfile(LoadProfile.Shape.INTERMITTENT, 18, 0.7, 5, Duration.ofMinutes(1), 0.5, 2),
                    LoadProfile.steady(15, 0.8)
                },
                new LoadProfile[] {LoadProfile.steady(22, 0.85), LoadProfile.steady(7.5, 0.82)}),
        new Industry(
                "化工",
                new LoadProfile[] {
                    LoadProfile.steady(110, 0.86),
                    new LoadProfile(LoadProfile.Shape.THERMOSTATIC, 60, 1.0, 2, Duration.ofMinutes(45), 0.5, 3)
                },
                new LoadProfile[] {LoadProfile.steady(37, 0.85), LoadProfile.steady(4, 0.8)}),
        new Industry(
                "印刷",
                new LoadProfile[] {LoadProfile.steady(30, 0.8), LoadProfile.steady(12, 0.78)},
                new LoadProfile[] {LoadProfile.steady(18.5, 0.85), LoadProfile.steady(3, 0.93)}),
    };

    private static final Shift[][] SHIFTS = {
        {new Shift(LocalTime.of(8, 0), LocalTime.of(20, 0))},
        {new Shift(LocalTime.of(6, 0), LocalTime.of(14, 0)), new Shift(LocalTime.of(14, 0), LocalTime.of(22, 0))},
        {new Shift(LocalTime.of(7, 30), LocalTime.of(17, 30))},
        {new Shift(LocalTime.of(20, 0), LocalTime.of(8, 0)), new Shift(LocalTime.of(8, 0), LocalTime.of(20, 0))},
    };

    private static final String[] DISTRICTS = {"上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区"};

    private PopulationGenerator() {}

    /**
     * An enterprise of {@code points} metering points (at least 4): one MAIN, about 60 % production, treatment in
     * duty/standby pairs associated with the production lines, the rest indirect, one stack with a VOC analyzer.
     */
    public static Enterprise enterprise(String id, int points, Random random) {
        if (points < 4) {
            throw new IllegalArgumentException("an enterprise needs at least 4 points, got " + points);
        }
        Industry industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        int production = Math.max(1, (int) Math.round(points * 0.6));
        int treatment = Math.max(1, Math.min(points - 1 - production, (int) Math.round(points * 0.3)));
        int indirect = points - 1 - production - treatment;
        List<Facility> facilities = new ArrayList<>();
        facilities.add(point("M1", "总进线", FacilityKind.MAIN, null, random, 2000));
        List<String> prodIds = new ArrayList<>();
        for (int i = 1; i <= production; i++) {
            LoadProfile base = industry.production()[random.nextInt(industry.production().length)];
            prodIds.add("P" + i);
            facilities.add(point("P" + i, "生产线" + i, FacilityKind.PROD, scaled(base, random), random, 0));
        }
        List<TreatmentGroup> groups = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        int t = 1;
        while (t <= treatment) {
            LoadProfile base = industry.treatment()[random.nextInt(industry.treatment().length)];
            LoadProfile load = scaled(base, random);
            List<String> members = new ArrayList<>();
            int size = t < treatment && random.nextInt(3) == 0 ? 2 : 1; // some groups run duty + standby
            for (int k = 0; k < size; k++, t++) {
                members.add("T" + t);
                facilities.add(point("T" + t, "治污设施" + t, FacilityKind.TREAT, load, random, 0));
            }
            String gid = "G" + (groups.size() + 1);
            groupIds.add(gid);
            groups.add(new TreatmentGroup(
                    gid,
                    members,
                    1,
                    Duration.ofMinutes(random.nextInt(3) * 5),
                    Duration.ofMinutes(random.nextInt(4) * 5)));
        }
        for (int i = 1; i <= indirect; i++) {
            facilities.add(point(
                    "I" + i,
                    "辅助用电" + i,
                    FacilityKind.INDIRECT,
                    LoadProfile.steady(2 + random.nextInt(10), 0.9),
                    random,
                    0));
        }
        List<Association> associations = new ArrayList<>();
        for (int i = 0; i < prodIds.size(); i++) {
            associations.add(new Association(prodIds.get(i), groupIds.get(i % groupIds.size())));
        }
        Stack stack = new Stack(
                "S1",
                15 + random.nextInt(30),
                prodIds,
                groupIds,
                new VocAnalyzer(
                        40 + random.nextInt(80),
                        0.8 + random.nextDouble() * 0.15,
                        2,
                        8 + random.nextInt(8),
                        35,
                        101.3,
                        12));
        return new Enterprise(
                id,
                "某" + industry.name() + "企业" + id,
                DISTRICTS[random.nextInt(DISTRICTS.length)],
                industry.name(),
                facilities,
                groups,
                associations,
                List.of(SHIFTS[random.nextInt(SHIFTS.length)]),
                List.of(),
                List.of(stack));
    }

    /**
     * {@code count} random faults on points of {@code enterprise}, each lasting 15 minutes to 6 hours within
     * [start, start + period).
     */
    public static List<Fault> faults(Enterprise enterprise, int count, Instant start, Duration period, Random random) {
        List<Fault> out = new ArrayList<>();
        List<Facility> treatments = enterprise.facilities(FacilityKind.TREAT);
        List<Facility> others = enterprise.facilities().stream()
                .filter(f -> f.kind() != FacilityKind.MAIN)
                .toList();
        for (int i = 0; i < count; i++) {
            long offsetMin = (long) (random.nextDouble() * (period.toMinutes() - 15));
            long lengthMin = 15 + random.nextInt(6 * 60 - 15);
            Window w = Window.of(start.plus(Duration.ofMinutes(offsetMin / 15 * 15)), Duration.ofMinutes(lengthMin));
            Facility any = others.get(random.nextInt(others.size()));
            switch (random.nextInt(6)) {
                case 0:
                    out.add(new TreatmentOff(
                            treatments.get(random.nextInt(treatments.size())).id(), w));
                    break;
                case 1:
                    out.add(new TreatmentUnderLoad(
                            treatments.get(random.nextInt(treatments.size())).id(),
                            w,
                            0.6 + random.nextDouble() * 0.2));
                    break;
                case 2:
                    out.add(new ReversedCt(any.id(), w, any.circuit().wiring(), true, false, false));
                    break;
                case 3:
                    out.add(new WrongCtRatio(any.id(), w, 5, false));
                    break;
                case 4:
                    out.add(new FrozenMeter(any.id(), w));
                    break;
                default:
                    out.add(new PhaseVoltageLost(any.id(), w, 'b'));
            }
        }
        return out;
    }

    private static LoadProfile scaled(LoadProfile base, Random random) {
        double k = 0.7 + random.nextDouble() * 0.6;
        return new LoadProfile(
                base.shape(),
                round(base.ratedKw() * k),
                base.powerFactor(),
                base.variationPercent(),
                base.cycle(),
                base.dutyCycle(),
                round(base.idleKw() * k));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Facility point(
            String id, String name, FacilityKind kind, LoadProfile load, Random random, int ctAmps) {
        double ratedKw = load == null ? 0 : load.ratedKw();
        // CT sized for about twice the rated current at 380 V, on the usual primary ratings
        double amps = ctAmps > 0 ? ctAmps : ratedKw * 1000 / (Math.sqrt(3) * 380 * 0.85) * 2;
        int[] ratings = {5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 600, 800, 1000, 1500, 2000};
        int primary = ratings[ratings.length - 1];
        for (int r : ratings) {
            if (r >= amps) {
                primary = r;
                break;
            }
        }
        Wiring wiring = random.nextInt(5) == 0 ? Wiring.THREE_PHASE_THREE_WIRE : Wiring.THREE_PHASE_FOUR_WIRE;
        return new Facility(
                id,
                name,
                kind,
                new Circuit(380, kind == FacilityKind.MAIN ? Wiring.THREE_PHASE_FOUR_WIRE : wiring, PtRatio.NONE),
                Meter.of("M" + id, new CtRatio(primary, 5)),
                load,
                JudgementLimits.NONE,
                null);
    }
}
