package io.pollwatt.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** The scenario's site (Given) and its one run in virtual time (When). */
public final class SiteSteps {

    private final ScenarioWorld world;

    public SiteSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("企业 {string} 的现场档案")
    public void ready_site(String name) throws Exception {
        world.addReadySite(name);
    }

    @Given("现场档案:")
    public void site_file(String yaml) throws Exception {
        world.addSite("scenario site", yaml);
    }

    @When("从 {string} 起运行 {int} 天")
    public void run_days(String start, int days) throws Exception {
        world.run(local(start), Duration.ofDays(days));
    }

    @When("从 {string} 起运行 {int} 小时")
    public void run_hours(String start, int hours) throws Exception {
        world.run(local(start), Duration.ofHours(hours));
    }

    private static LocalDateTime local(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a start looks like 2026-03-01T00:00, got '" + text + "'", e);
        }
    }
}
