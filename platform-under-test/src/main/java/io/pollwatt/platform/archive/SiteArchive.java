package io.pollwatt.platform.archive;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One enterprise's archive (备案) as the platform holds it: what {@link ArchiveReader} takes from a site file
 * (docs/site-format.md, "What the platform reads"), and what {@link ArchiveRegistry} stores and exports. Points are
 * as archived (archive overrides applied, {@code notArchived} points left out); everything is in file order.
 *
 * @param id enterprise id
 * @param name enterprise name
 * @param district administrative district
 * @param industry industry
 * @param zone zone of the local times (control periods, HJ 212 DataTime)
 * @param points the archived metering points
 * @param groups treatment groups (主备关系)
 * @param associations production → treatment group pairs (关联关系)
 * @param controlPeriods 停产, 限产, 错峰
 * @param stacks stacks (排放口)
 * @param unmetered facilities of the permit or EIA with no metering point
 * @param dtus the DTUs: MN, PW and which meter number is which point
 * @param collectors the data collectors: MN, PW and their stack
 * @param capacityKva transformer or contracted capacity, kVA (DQ-14), if archived
 * @param maintenance maintenance declarations (报备, OP-03), approved or not
 */
public record SiteArchive(
        String id,
        String name,
        String district,
        String industry,
        ZoneId zone,
        List<Point> points,
        List<Group> groups,
        List<Association> associations,
        List<ControlPeriod> controlPeriods,
        List<Stack> stacks,
        List<Unmetered> unmetered,
        List<Dtu> dtus,
        List<Collector> collectors,
        OptionalDouble capacityKva,
        List<Maintenance> maintenance) {

    /** An archive without capacity and maintenance declarations. */
    public SiteArchive(
            String id,
            String name,
            String district,
            String industry,
            ZoneId zone,
            List<Point> points,
            List<Group> groups,
            List<Association> associations,
            List<ControlPeriod> controlPeriods,
            List<Stack> stacks,
            List<Unmetered> unmetered,
            List<Dtu> dtus,
            List<Collector> collectors) {
        this(
                id,
                name,
                district,
                industry,
                zone,
                points,
                groups,
                associations,
                controlPeriods,
                stacks,
                unmetered,
                dtus,
                collectors,
                OptionalDouble.empty(),
                List.of());
    }

    public SiteArchive {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(zone, "zone");
        points = List.copyOf(points);
        groups = List.copyOf(groups);
        associations = List.copyOf(associations);
        controlPeriods = List.copyOf(controlPeriods);
        stacks = List.copyOf(stacks);
        unmetered = List.copyOf(unmetered);
        dtus = List.copyOf(dtus);
        collectors = List.copyOf(collectors);
        Objects.requireNonNull(capacityKva, "capacityKva");
        if (capacityKva.isPresent() && !(capacityKva.getAsDouble() > 0)) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacityKva.getAsDouble());
        }
        maintenance = List.copyOf(maintenance);
    }

    /** The same archive with that capacity and those maintenance declarations. */
    public SiteArchive with(OptionalDouble capacity, List<Maintenance> declarations) {
        return new SiteArchive(
                id,
                name,
                district,
                industry,
                zone,
                points,
                groups,
                associations,
                controlPeriods,
                stacks,
                unmetered,
                dtus,
                collectors,
                capacity,
                declarations);
    }

    /** The archived point of that id. */
    public Optional<Point> point(String pointId) {
        return points.stream().filter(p -> p.id().equals(pointId)).findFirst();
    }

    /** The MNs of every device, DTUs first. */
    public List<String> mns() {
        List<String> out = new ArrayList<>();
        dtus.forEach(d -> out.add(d.mn()));
        collectors.forEach(c -> out.add(c.mn()));
        return out;
    }

    /** Metering point types (domain-rules §1.1). */
    public enum PointKind {
        /** 总进线. */
        MAIN,
        /** 产污设施. */
        PROD,
        /** 治污设施. */
        TREAT,
        /** 产治一体. */
        PROD_TREAT,
        /** 间接用电. */
        INDIRECT
    }

    /** Control period kinds (ALM-06…08). */
    public enum ControlKind {
        /** 停产. */
        STOP,
        /** 限产. */
        LIMIT,
        /** 错峰生产. */
        OFF_PEAK
    }

    /** A CT or PT ratio {@code primary/secondary}, both positive, kept exactly as written (trailing zeros dropped). */
    public record Ratio(BigDecimal primary, BigDecimal secondary) {
        public Ratio {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(secondary, "secondary");
            if (primary.signum() <= 0 || secondary.signum() <= 0) {
                throw new IllegalArgumentException("ratio must be positive, got " + primary + "/" + secondary);
            }
            primary = normal(primary);
            secondary = normal(secondary);
        }

        private static BigDecimal normal(BigDecimal b) {
            BigDecimal s = b.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }

        /** {@code 200/5}. */
        @Override
        public String toString() {
            return primary.toPlainString() + "/" + secondary.toPlainString();
        }
    }

    /**
     * Judgement limits as archived (判定限值); empty: not entered. Besides the power thresholds, optional limits on
     * other quantities for ALM-05: phase current {@code iMaxA} (A), phase voltage {@code uMinV}/{@code uMaxV} (V) and
     * power factor {@code pfMin}.
     */
    public record Limits(
            OptionalDouble pOnKw,
            OptionalDouble pRefKw,
            OptionalDouble pHiKw,
            OptionalDouble rLow,
            OptionalDouble iMaxA,
            OptionalDouble uMinV,
            OptionalDouble uMaxV,
            OptionalDouble pfMin) {
        /** No limit entered. */
        public static final Limits NONE = new Limits(
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

        /** Power thresholds only. */
        public Limits(OptionalDouble pOnKw, OptionalDouble pRefKw, OptionalDouble pHiKw, OptionalDouble rLow) {
            this(
                    pOnKw,
                    pRefKw,
                    pHiKw,
                    rLow,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }

        public Limits {
            Objects.requireNonNull(pOnKw, "pOnKw");
            Objects.requireNonNull(pRefKw, "pRefKw");
            Objects.requireNonNull(pHiKw, "pHiKw");
            Objects.requireNonNull(rLow, "rLow");
            Objects.requireNonNull(iMaxA, "iMaxA");
            Objects.requireNonNull(uMinV, "uMinV");
            Objects.requireNonNull(uMaxV, "uMaxV");
            Objects.requireNonNull(pfMin, "pfMin");
        }

        /** The same limits with those for other quantities. */
        public Limits withOther(OptionalDouble iMax, OptionalDouble uMin, OptionalDouble uMax, OptionalDouble pf) {
            return new Limits(pOnKw, pRefKw, pHiKw, rLow, iMax, uMin, uMax, pf);
        }
    }

    /**
     * An archived metering point.
     *
     * @param id point id
     * @param name facility name as archived
     * @param kind point type as archived
     * @param parent the archived point feeding it, if any
     * @param voltageV nominal line voltage, V
     * @param wiring {@code 3P4W} or {@code 3P3W}, as archived
     * @param pt PT ratio as archived, if any
     * @param meterId the meter's id
     * @param ct CT ratio as archived
     * @param limits judgement limits as archived
     */
    public record Point(
            String id,
            String name,
            PointKind kind,
            Optional<String> parent,
            double voltageV,
            String wiring,
            Optional<Ratio> pt,
            String meterId,
            Ratio ct,
            Limits limits) {
        public Point {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(wiring, "wiring");
            Objects.requireNonNull(pt, "pt");
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(ct, "ct");
            Objects.requireNonNull(limits, "limits");
            if (!(voltageV > 0)) {
                throw new IllegalArgumentException("voltage of point " + id + " must be positive, got " + voltageV);
            }
        }
    }

    /** A treatment group: its archived members, duty first, and how many must run. */
    public record Group(String id, List<String> members, int required) {
        public Group {
            Objects.requireNonNull(id, "id");
            members = List.copyOf(members);
            if (required < 1 || required > members.size()) {
                throw new IllegalArgumentException(
                        "group " + id + " requires " + required + " of " + members.size() + " members");
            }
        }
    }

    /** One production point needing one treatment group. */
    public record Association(String production, String group) {
        public Association {
            Objects.requireNonNull(production, "production");
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * A control period, in the enterprise's zone.
     *
     * @param kind stop, limit or off-peak
     * @param start first instant
     * @param end first instant after it
     * @param limitRatio allowed share of baseline (LIMIT only)
     * @param production the production points concerned; empty: all
     * @param allowedLines LIMIT "line mode": how many in-scope PROD points may run at once (ALM-07), if archived
     */
    public record ControlPeriod(
            ControlKind kind,
            LocalDateTime start,
            LocalDateTime end,
            OptionalDouble limitRatio,
            List<String> production,
            OptionalInt allowedLines) {
        /** A period without line mode. */
        public ControlPeriod(
                ControlKind kind,
                LocalDateTime start,
                LocalDateTime end,
                OptionalDouble limitRatio,
                List<String> production) {
            this(kind, start, end, limitRatio, production, OptionalInt.empty());
        }

        public ControlPeriod {
            Objects.requireNonNull(allowedLines, "allowedLines");
            if (allowedLines.isPresent() && allowedLines.getAsInt() < 0) {
                throw new IllegalArgumentException("allowed lines must be ≥ 0, got " + allowedLines.getAsInt());
            }
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(limitRatio, "limitRatio");
            production = List.copyOf(production);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("control period must end after " + start + ", got " + end);
            }
        }
    }

    /**
     * A maintenance declaration (报备, OP-03): treatment group {@code group} (a group id, or the id of a TREAT point in
     * no group) is down for maintenance in [start, end), local time; only an approved one suppresses ALM-01…04.
     */
    public record Maintenance(String group, LocalDateTime start, LocalDateTime end, boolean approved, String reason) {
        public Maintenance {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(reason, "reason");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("maintenance must end after " + start + ", got " + end);
            }
        }

        /** Whether the local time {@code t} lies in [start, end). */
        public boolean covers(LocalDateTime t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** A stack: its height, the production points and treatment groups that discharge through it. */
    public record Stack(String id, double heightM, List<String> production, List<String> groups) {
        public Stack {
            Objects.requireNonNull(id, "id");
            production = List.copyOf(production);
            groups = List.copyOf(groups);
        }
    }

    /** A facility without a metering point (无对应监管点位). */
    public record Unmetered(String name, PointKind kind) {
        public Unmetered {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Meter {@code number} (the {@code PP} of {@code g7QQPP}) of a DTU meters archived point {@code pointId}. */
    public record Meter(int number, String pointId) {
        public Meter {
            if (number < 1 || number > 99) {
                throw new IllegalArgumentException("meter number must be 1..99, got " + number);
            }
            Objects.requireNonNull(pointId, "pointId");
        }
    }

    /** A DTU: MN, PW and its meters of archived points, by number. */
    public record Dtu(String mn, String pw, List<Meter> meters) {
        public Dtu {
            Objects.requireNonNull(mn, "mn");
            Objects.requireNonNull(pw, "pw");
            meters = List.copyOf(meters);
        }
    }

    /** A data collector: MN, PW and the stack whose analyzer it reads. */
    public record Collector(String mn, String pw, String stackId) {
        public Collector {
            Objects.requireNonNull(mn, "mn");
            Objects.requireNonNull(pw, "pw");
            Objects.requireNonNull(stackId, "stackId");
        }
    }
}
