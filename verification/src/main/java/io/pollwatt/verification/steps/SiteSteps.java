package io.pollwatt.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The scenario's site (Given) and its one run in virtual time (When). */
public final class SiteSteps {

    private final ScenarioWorld world;

    public SiteSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** Where the scenario is, to name it in the errors of the site text it stages. */
    private String scenarioPlace = "the scenario";

    @Before
    public void remember_place(Scenario scenario) {
        String uri = scenario.getUri().toString();
        scenarioPlace = "the scenario at " + (uri.startsWith("file:") ? java.nio.file.Path.of(scenario.getUri()) : uri)
                + (scenario.getLine() == null ? "" : ":" + scenario.getLine());
    }

    @Given("企业 {string} 的现场档案")
    public void ready_site(String name) throws Exception {
        world.addReadySite(name);
    }

    /** A site given inline; its errors name the scenario and count lines from the first line of the text. */
    @Given("现场档案:")
    public void site_file(String yaml) throws Exception {
        world.addSite("site text of " + scenarioPlace, yaml);
    }

    /** Rule parameters for the run, a table {@code 参数 | 值} of Appendix A keys ({@code alm.minEpisodeMin | 20}). */
    @Given("规则参数:")
    public void rule_parameters(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            String key = row.get("参数");
            String value = row.get("值");
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("规则参数 needs the columns 参数 and 值 with a value in every row");
            }
            world.overrideRule(key.strip(), value.strip());
        }
    }

    /**
     * The platform is stopped and started again once during the run, after {@code after} when {@code records} more
     * records are stored (in the middle of a resend burst, which takes no virtual time).
     */
    @Given("平台在 {string} 之后再存下 {int} 条记录时重启")
    public void restart_platform(String after, int records) {
        world.restartPlatform(local(after), records);
    }

    @When("从 {string} 起运行 {int} 天")
    public void run_days(String start, int days) throws Exception {
        positive(days, "天");
        world.run(local(start), Duration.ofDays(days));
    }

    @When("从 {string} 起运行 {int} 小时")
    public void run_hours(String start, int hours) throws Exception {
        positive(hours, "小时");
        world.run(local(start), Duration.ofHours(hours));
    }

    private static void positive(int n, String unit) {
        if (n <= 0) {
            throw new IllegalArgumentException("a run lasts at least 1 " + unit + ", got " + n + " " + unit);
        }
    }

    private static LocalDateTime local(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a start looks like 2026-03-01T00:00, got '" + text + "'", e);
        }
    }
}
