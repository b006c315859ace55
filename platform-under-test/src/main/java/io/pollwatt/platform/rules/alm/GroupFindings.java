package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.rules.Finding;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One alarm per episode and deduplication key (rulebook §4): findings of one rule for the same treatment group
 * from several production points that overlap in time are one episode of the group, with every production point
 * among its triggering points.
 */
final class GroupFindings {

    private GroupFindings() {}

    static List<Finding> merge(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> a.start().compareTo(b.start()));
        List<Finding> out = new ArrayList<>();
        for (Finding f : sorted) {
            int into = -1;
            for (int i = 0; i < out.size(); i++) {
                Finding o = out.get(i);
                if (o.sameKey(f) && overlaps(o, f)) {
                    into = i;
                }
            }
            if (into < 0) {
                out.add(f);
            } else {
                out.set(into, union(out.get(into), f));
            }
        }
        return out;
    }

    private static boolean overlaps(Finding a, Finding b) {
        return (a.end() == null || b.start().isBefore(a.end()))
                && (b.end() == null || a.start().isBefore(b.end()));
    }

    private static Finding union(Finding a, Finding b) {
        TreeSet<String> points = new TreeSet<>(a.points());
        points.addAll(b.points());
        TreeSet<String> related = new TreeSet<>(a.related());
        related.addAll(b.related());
        LocalDateTime end = a.end() == null || b.end() == null ? null : max(a.end(), b.end());
        Map<String, Object> evidence = new LinkedHashMap<>(a.evidence());
        b.evidence().forEach(evidence::putIfAbsent);
        return new Finding(
                a.ruleId(),
                a.version(),
                a.enterpriseId(),
                a.key(),
                a.start().isAfter(b.start()) ? b.subtype() : a.subtype(),
                List.copyOf(points),
                List.copyOf(related),
                min(a.start(), b.start()),
                min(a.raisedAt(), b.raisedAt()),
                end,
                Math.min(a.level(), b.level()),
                evidence);
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
