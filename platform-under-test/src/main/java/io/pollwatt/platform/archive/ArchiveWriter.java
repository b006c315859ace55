package io.pollwatt.platform.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes a {@link SiteArchive} as site-file YAML with the archive-relevant keys only (docs/site-format.md, "What the
 * platform reads"): the archived values are written as the installation's ({@code ct}, {@code pt}, {@code wiring},
 * {@code name}, {@code kind}), so the file needs no {@code archive.points} or {@code notArchived}, and the devices are
 * always written out. {@link ArchiveReader} reads the result back to an equal archive. It has no loads or shifts, so
 * the twin does not take it.
 */
public final class ArchiveWriter {

    private ArchiveWriter() {}

    /** The site-file YAML of {@code archive}. */
    public static String write(SiteArchive a) {
        StringBuilder out = new StringBuilder();
        out.append("# archive of enterprise ").append(a.id()).append(" as the pollwatt platform holds it\n");
        out.append("id: ").append(q(a.id())).append('\n');
        out.append("name: ").append(q(a.name())).append('\n');
        out.append("district: ").append(q(a.district())).append('\n');
        out.append("industry: ").append(q(a.industry())).append('\n');
        out.append("zone: ").append(q(a.zone().getId())).append('\n');
        a.capacityKva().ifPresent(c -> out.append("capacityKva: ").append(n(c)).append('\n'));
        out.append("points:").append(a.points().isEmpty() ? " []\n" : "\n");
        for (SiteArchive.Point p : a.points()) {
            List<String> f = new ArrayList<>();
            f.add("id: " + q(p.id()));
            f.add("name: " + q(p.name()));
            f.add("kind: " + p.kind().name());
            p.parent().ifPresent(parent -> f.add("parent: " + q(parent)));
            List<String> circuit = new ArrayList<>();
            circuit.add("voltage: " + n(p.voltageV()));
            circuit.add("wiring: " + q(p.wiring()));
            p.pt().ifPresent(pt -> circuit.add("pt: " + q(pt.toString())));
            f.add("circuit: " + flow(circuit));
            f.add("meter: " + flow(List.of("id: " + q(p.meterId()), "ct: " + q(p.ct().toString()))));
            List<String> limits = new ArrayList<>();
            limit(limits, "pOnKw", p.limits().pOnKw());
            limit(limits, "pRefKw", p.limits().pRefKw());
            limit(limits, "pHiKw", p.limits().pHiKw());
            limit(limits, "rLow", p.limits().rLow());
            limit(limits, "iMaxA", p.limits().iMaxA());
            limit(limits, "uMinV", p.limits().uMinV());
            limit(limits, "uMaxV", p.limits().uMaxV());
            limit(limits, "pfMin", p.limits().pfMin());
            if (!limits.isEmpty()) {
                f.add("limits: " + flow(limits));
            }
            out.append("  - ").append(flow(f)).append('\n');
        }
        if (!a.groups().isEmpty()) {
            out.append("groups:\n");
            for (SiteArchive.Group g : a.groups()) {
                out.append("  - ")
                        .append(flow(List.of(
                                "id: " + q(g.id()), "members: " + ids(g.members()), "required: " + g.required())))
                        .append('\n');
            }
        }
        if (!a.associations().isEmpty()) {
            out.append("associations:\n");
            for (SiteArchive.Association x : a.associations()) {
                out.append("  - ")
                        .append(flow(List.of("production: " + q(x.production()), "groups: " + q(x.group()))))
                        .append('\n');
            }
        }
        if (!a.controlPeriods().isEmpty()) {
            out.append("controlPeriods:\n");
            for (SiteArchive.ControlPeriod c : a.controlPeriods()) {
                List<String> f = new ArrayList<>();
                f.add("kind: " + c.kind().name());
                f.add("start: " + q(c.start().toString()));
                f.add("end: " + q(c.end().toString()));
                c.limitRatio().ifPresent(r -> f.add("limitRatio: " + n(r)));
                if (!c.production().isEmpty()) {
                    f.add("production: " + ids(c.production()));
                }
                c.allowedLines().ifPresent(k -> f.add("allowedLines: " + k));
                out.append("  - ").append(flow(f)).append('\n');
            }
        }
        if (!a.maintenance().isEmpty()) {
            out.append("maintenance:\n");
            for (SiteArchive.Maintenance m : a.maintenance()) {
                out.append("  - ")
                        .append(flow(List.of(
                                "group: " + q(m.group()),
                                "start: " + q(m.start().toString()),
                                "end: " + q(m.end().toString()),
                                "approved: " + m.approved(),
                                "reason: " + q(m.reason()))))
                        .append('\n');
            }
        }
        if (!a.stacks().isEmpty()) {
            out.append("stacks:\n");
            for (SiteArchive.Stack s : a.stacks()) {
                out.append("  - ")
                        .append(flow(List.of(
                                "id: " + q(s.id()),
                                "height: " + n(s.heightM()),
                                "production: " + ids(s.production()),
                                "groups: " + ids(s.groups()))))
                        .append('\n');
            }
        }
        if (!a.unmetered().isEmpty()) {
            out.append("archive:\n  unmetered:\n");
            for (SiteArchive.Unmetered u : a.unmetered()) {
                out.append("    - ")
                        .append(flow(List.of(
                                "name: " + q(u.name()), "kind: " + u.kind().name())))
                        .append('\n');
            }
        }
        out.append("devices:").append(a.dtus().isEmpty() && a.collectors().isEmpty() ? " []\n" : "\n");
        for (SiteArchive.Dtu d : a.dtus()) {
            List<String> slots = new ArrayList<>();
            for (SiteArchive.Meter m : d.meters()) {
                while (slots.size() < m.number() - 1) {
                    slots.add("~"); // a meter number the archive knows no point of
                }
                slots.add(q(m.pointId()));
            }
            out.append("  - ")
                    .append(flow(List.of(
                            "mn: " + q(d.mn()), "pw: " + q(d.pw()), "points: [" + String.join(", ", slots) + "]")))
                    .append('\n');
        }
        for (SiteArchive.Collector c : a.collectors()) {
            out.append("  - ")
                    .append(flow(List.of("mn: " + q(c.mn()), "pw: " + q(c.pw()), "stack: " + q(c.stackId()))))
                    .append('\n');
        }
        return out.toString();
    }

    private static void limit(List<String> out, String key, OptionalDouble v) {
        v.ifPresent(x -> out.add(key + ": " + n(x)));
    }

    private static String flow(List<String> fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    private static String ids(List<String> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(id -> quoted.add(q(id)));
        return "[" + String.join(", ", quoted) + "]";
    }

    /** A number in its shortest form that reads back to the same double. */
    private static String n(double v) {
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** A YAML double-quoted scalar (JSON string escapes, which YAML's double-quoted style shares). */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
