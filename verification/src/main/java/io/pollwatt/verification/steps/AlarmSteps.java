package io.pollwatt.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.twin.fault.Fault;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the platform raised (Then). A rule is named as in domain-rules.md ({@code ALM-01}, or a rulebook part such as
 * {@code DQ-08b}); a trailing {@code *} names every rule that starts so ({@code DQ-*}, {@code ALM-*}). An unknown rule
 * or enterprise fails the step ({@link RulePattern}), so that a "not raised" check never passes for a typing error.
 */
public final class AlarmSteps {

    private final ScenarioWorld world;

    public AlarmSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("平台产生告警 {string}")
    public void raised(String rule) {
        expectSome(rule, null, null);
    }

    @Then("平台产生告警 {string} 子类型 {string}")
    public void raised_with_subtype(String rule, String subtype) {
        expectSome(rule, subtype, null);
    }

    @Then("平台产生告警 {string} 子类型 {string} 等级 {int}")
    public void raised_with_subtype_and_level(String rule, String subtype, int level) {
        expectSome(rule, subtype, level);
    }

    @Then("平台不产生告警 {string}")
    public void not_raised(String rule) {
        List<Alarm> found = of(rule);
        if (!found.isEmpty()) {
            throw new AssertionError("expected no " + rule + " alarm, but the platform raised:\n" + describe(found));
        }
    }

    @Then("平台不产生告警 {string} 子类型 {string}")
    public void not_raised_with_subtype(String rule, String subtype) {
        List<Alarm> found =
                of(rule).stream().filter(a -> subtype.equals(a.subtype())).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("expected no " + rule + " alarm of subtype " + subtype
                    + ", but the platform raised:\n" + describe(found));
        }
    }

    /**
     * Every alarm of the rule was raised and is closed for that reason ({@code recoveredByResend}, {@code ended},
     * {@code retracted}, {@code merged}; docs/rules.md).
     */
    @Then("告警 {string} 均已关闭，原因 {string}")
    public void all_closed_for(String rule, String reason) {
        List<Alarm> found = of(rule);
        if (found.isEmpty()) {
            throw new AssertionError("expected " + rule + ", none raised; every alarm:\n" + describe(world.alarms()));
        }
        List<Alarm> other = found.stream()
                .filter(a -> a.status() != Alarm.Status.CLOSED || !reason.equals(a.closingReason()))
                .toList();
        if (!other.isEmpty()) {
            throw new AssertionError(rule + " alarm(s) not closed as " + reason + ":\n" + describe(other));
        }
    }

    @Then("企业 {string} 产生告警 {string}")
    public void enterprise_raised(String enterprise, String rule) {
        staged(enterprise);
        if (of(rule).stream().noneMatch(a -> a.enterpriseId().equals(enterprise))) {
            throw new AssertionError("expected " + rule + " for enterprise " + enterprise
                    + ", none raised; every alarm:\n" + describe(world.alarms()));
        }
    }

    @Then("企业 {string} 不产生告警 {string}")
    public void enterprise_not_raised(String enterprise, String rule) {
        staged(enterprise);
        List<Alarm> found = of(rule).stream()
                .filter(a -> a.enterpriseId().equals(enterprise))
                .toList();
        if (!found.isEmpty()) {
            throw new AssertionError("expected no " + rule + " alarm for enterprise " + enterprise
                    + ", but the platform raised:\n" + describe(found));
        }
    }

    /** A table of rules with 产生 (must be raised) or 不产生 (must not be). */
    @Then("平台的告警:")
    public void table(DataTable table) {
        StringBuilder problems = new StringBuilder();
        for (Map<String, String> row : table.asMaps()) {
            String rule = required(row, "规则");
            String verdict = required(row, "结果");
            List<Alarm> found = of(rule);
            switch (verdict) {
                case "产生" -> {
                    if (found.isEmpty()) {
                        problems.append("expected ").append(rule).append(", none raised\n");
                    }
                }
                case "不产生" -> {
                    if (!found.isEmpty()) {
                        problems.append("expected no ")
                                .append(rule)
                                .append(", raised:\n")
                                .append(describe(found));
                    }
                }
                default -> throw new IllegalArgumentException("结果 is 产生 or 不产生, got '" + verdict + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems + "every alarm:\n" + describe(world.alarms()));
        }
    }

    @Then("告警 {string} 与故障 {string} 的时间窗重叠")
    public void overlaps_fault(String rule, String faultKind) {
        List<Fault> faults =
                world.faults().stream().filter(f -> f.kind().equals(faultKind)).toList();
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("the site stages no fault of kind '" + faultKind + "'");
        }
        List<Alarm> found = of(rule);
        if (found.isEmpty()) {
            throw new AssertionError("expected " + rule + ", none raised; every alarm:\n" + describe(world.alarms()));
        }
        ZoneId zone = world.zone();
        List<Alarm> outside = found.stream()
                .filter(a -> faults.stream().noneMatch(f -> overlaps(a, f, zone)))
                .toList();
        if (!outside.isEmpty()) {
            throw new AssertionError(rule + " alarm(s) outside every " + faultKind + " window "
                    + faults.stream().map(f -> f.window().toString()).collect(Collectors.joining(", "))
                    + ":\n" + describe(outside));
        }
    }

    /** Whether [start, end) of the alarm (an open one runs on) meets [start, end) of the fault. */
    static boolean overlaps(Alarm a, Fault f, ZoneId zone) {
        Instant start = a.start().atZone(zone).toInstant();
        Instant end = a.end() == null ? Instant.MAX : a.end().atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            end = start.plusSeconds(1); // an alarm of one instant
        }
        return start.isBefore(f.window().end()) && end.isAfter(f.window().start());
    }

    private void expectSome(String rule, String subtype, Integer level) {
        List<Alarm> ofRule = of(rule);
        List<Alarm> matching = ofRule.stream()
                .filter(a -> subtype == null || subtype.equals(a.subtype()))
                .filter(a -> level == null || level == a.level())
                .toList();
        if (matching.isEmpty()) {
            throw new AssertionError("expected " + rule + (subtype == null ? "" : " subtype " + subtype)
                    + (level == null ? "" : " level " + level) + ", none raised; every alarm:\n"
                    + describe(world.alarms()));
        }
    }

    private List<Alarm> of(String rule) {
        return RulePattern.parse(rule).of(world.alarms());
    }

    /** Fails unless the scenario staged {@code enterprise}. */
    private void staged(String enterprise) {
        List<String> ids = world.sites().stream().map(s -> s.enterprise().id()).toList();
        if (!ids.contains(enterprise)) {
            throw new IllegalArgumentException(
                    "the scenario stages no enterprise '" + enterprise + "'; it stages " + String.join(", ", ids));
        }
    }

    private static String required(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the table needs a column " + column + " with a value in every row");
        }
        return v.strip();
    }

    static String describe(List<Alarm> alarms) {
        if (alarms.isEmpty()) {
            return "  (none)\n";
        }
        StringBuilder b = new StringBuilder();
        for (Alarm a : alarms) {
            b.append("  ")
                    .append(a.enterpriseId())
                    .append(' ')
                    .append(a.ruleId())
                    .append(a.subtype() == null ? "" : "/" + a.subtype())
                    .append(" level ")
                    .append(a.level())
                    .append(' ')
                    .append(a.key())
                    .append(' ')
                    .append(a.start())
                    .append(" .. ")
                    .append(a.end() == null ? "open" : a.end())
                    .append(' ')
                    .append(a.status())
                    .append(a.closingReason() == null ? "" : " " + a.closingReason())
                    .append('\n');
        }
        return b.toString();
    }
}
