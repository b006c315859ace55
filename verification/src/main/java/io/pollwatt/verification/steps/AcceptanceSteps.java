package io.pollwatt.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.report.html.AcceptanceReportWriter;
import io.pollwatt.report.model.AcceptanceCheck;
import io.pollwatt.report.model.AcceptanceReport;
import io.pollwatt.verification.acceptance.AcceptanceInput;
import io.pollwatt.verification.acceptance.AcceptanceProcedure;
import io.pollwatt.verification.site.SiteFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The acceptance procedure (验收, AC-01…AC-11) of an enterprise after the scenario's run, its verdict and checks; with
 * {@link #REPORT_DIR_PROPERTY} set ({@code testbed suite}) the acceptance report (HTML and PDF) is written under
 * {@code <dir>/acceptance/<enterprise>/}.
 */
public final class AcceptanceSteps {

    /** Where acceptance reports go (a folder); unset: none is written. */
    public static final String REPORT_DIR_PROPERTY = "pollwatt.report.dir";

    private final ScenarioWorld world;
    private final Map<String, AcceptanceReport> reports = new HashMap<>();

    public AcceptanceSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("企业 {string} 验收结论为 {string}")
    public void verdict(String enterprise, String verdict) {
        boolean expectPass = switch (verdict) {
            case "通过" -> true;
            case "不通过" -> false;
            default -> throw new IllegalArgumentException("验收结论 is 通过 or 不通过, got '" + verdict + "'");
        };
        AcceptanceReport r = report(enterprise);
        boolean passed = r.checks().stream().allMatch(AcceptanceCheck::passed);
        if (passed != expectPass) {
            throw new AssertionError("expected acceptance " + verdict + " for " + enterprise + ", got "
                    + (passed ? "通过" : "不通过") + ":\n" + describe(r.checks()));
        }
    }

    /** A table {@code 检查 | 结果} with 通过 / 不通过 per AC id. */
    @Then("企业 {string} 的验收检查:")
    public void checks(String enterprise, DataTable table) {
        AcceptanceReport r = report(enterprise);
        Map<String, AcceptanceCheck> byId =
                r.checks().stream().collect(Collectors.toMap(AcceptanceCheck::acId, c -> c));
        StringBuilder problems = new StringBuilder();
        for (Map<String, String> row : table.asMaps()) {
            String id = row.get("检查");
            String want = row.get("结果");
            AcceptanceCheck c = byId.get(id == null ? "" : id.strip());
            if (c == null) {
                throw new IllegalArgumentException("no acceptance check '" + id + "'; there are " + byId.keySet());
            }
            boolean expectPass = switch (want == null ? "" : want.strip()) {
                case "通过" -> true;
                case "不通过" -> false;
                default -> throw new IllegalArgumentException("结果 is 通过 or 不通过, got '" + want + "'");
            };
            if (c.passed() != expectPass) {
                problems.append("  ")
                        .append(c.acId())
                        .append(" expected ")
                        .append(want)
                        .append(": ")
                        .append(c.measured())
                        .append(" — ")
                        .append(c.reason())
                        .append('\n');
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("acceptance checks of " + enterprise + " differ:\n" + problems + "all checks:\n"
                    + describe(r.checks()));
        }
    }

    private AcceptanceReport report(String enterprise) {
        AcceptanceReport cached = reports.get(enterprise);
        if (cached != null) {
            return cached;
        }
        List<SiteFile> sites = world.sites();
        int i = 0;
        while (i < sites.size() && !sites.get(i).enterprise().id().equals(enterprise)) {
            i++;
        }
        if (i == sites.size()) {
            throw new IllegalArgumentException("no staged site '" + enterprise + "'");
        }
        SiteArchive archive = world.archives().get(i);
        AcceptanceReport r = AcceptanceProcedure.judge(
                new AcceptanceInput(
                        sites.get(i),
                        archive,
                        world.store(),
                        world.truth(),
                        world.alarms().stream()
                                .filter(a -> a.enterpriseId().equals(enterprise))
                                .toList(),
                        world.rules(),
                        world.runStart(),
                        world.runEnd()),
                world.runEnd().toString(),
                ScenarioWorld.seed());
        reports.put(enterprise, r);
        String dir = System.getProperty(REPORT_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            AcceptanceReportWriter.write(Path.of(dir, "acceptance", enterprise), r);
        }
        return r;
    }

    private static String describe(List<AcceptanceCheck> checks) {
        StringBuilder b = new StringBuilder();
        for (AcceptanceCheck c : checks) {
            b.append("  ")
                    .append(c.acId())
                    .append(c.passed() ? " 通过 " : " 不通过 ")
                    .append(c.what())
                    .append(": ")
                    .append(c.measured())
                    .append(" — ")
                    .append(c.reason())
                    .append('\n');
        }
        return b.toString();
    }
}
