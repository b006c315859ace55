package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.platform.storage.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser (Debian's chromium, headless) against a running platform with a scenario's data
 * ({@link DashboardScenario}): what a user sees in the enterprise list, an enterprise's circuit tree and load curve,
 * an alarm with its evidence, and its review; at a desktop size and at a phone size (no sideways scrolling, tap
 * targets of at least 44 px). Screenshots go to target/screenshots/.
 */
class DashboardIT {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final String ENTERPRISE_PAGE = "#/enterprise/E7?day=2026-03-02&span=day&point=P1";

    @TempDir
    static Path dataDir;

    private static DashboardScenario platform;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        platform = new DashboardScenario(dataDir);
        client = new Client(platform.api.port());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        TestDatabases.discard(dataDir);
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Client.json(r);
    }

    private static Browser browser(int width, int height) {
        return new Browser(platform.api.baseUri().toString().replaceAll("/$", "") + "/", width, height);
    }

    /** The ALM-01 alarms of E7, latest episode first: the open one (21:00 on), then the closed one (10:00–11:00). */
    private static List<JsonNode> fanAlarms() {
        List<JsonNode> out = new ArrayList<>();
        ok(client.get("/api/alarms?enterprise=E7&rule=ALM-01")).path("items").forEach(out::add);
        return out;
    }

    @Test
    void theApiGivesTheListAndTheTreeWhatTheyShow() {
        List<JsonNode> alarms = fanAlarms();
        assertThat(alarms).hasSize(2);
        assertThat(alarms.get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(alarms.get(0).path("start").asText()).isEqualTo("2026-03-02T21:00:00");
        assertThat(alarms.get(1).path("status").asText()).isEqualTo("CLOSED");
        assertThat(alarms.get(1).path("end").asText()).isEqualTo("2026-03-02T11:00:00");
        assertThat(alarms)
                .allSatisfy(a -> assertThat(a.path("detectedLate").asBoolean()).isFalse()); // raised as the data came

        JsonNode list = ok(client.get("/api/enterprises")).path("items");
        assertThat(list.findValuesAsText("id")).containsExactly("E7", "E8");
        JsonNode e7 = list.get(0);
        assertThat(e7.path("online").asBoolean()).isTrue();
        assertThat(e7.path("running").asBoolean()).isTrue();
        int level = alarms.get(0).path("level").asInt();
        assertThat(e7.path("openAlarms").path(String.valueOf(level)).asInt()).isGreaterThanOrEqualTo(1);
        JsonNode e8 = list.get(1);
        assertThat(e8.path("online").asBoolean()).isFalse();
        assertThat(e8.path("running").isNull()).isTrue(); // offline: unknown, not "stopped"
        assertThat(ok(client.get("/api/enterprises?industry=印刷")).path("items").findValuesAsText("id"))
                .containsExactly("E7");
        assertThat(ok(client.get("/api/enterprises?district=余杭区")).path("items").findValuesAsText("id"))
                .containsExactly("E8");

        JsonNode circuit = ok(client.get("/api/enterprises/E7/circuit"));
        JsonNode points = circuit.path("points");
        assertThat(points.findValuesAsText("id")).containsExactly("M1", "P1", "T1", "T2");
        assertThat(points.get(0).path("under").isNull()).isTrue();
        for (int i = 1; i < 4; i++) {
            assertThat(points.get(i).path("under").asText())
                    .isEqualTo("M1"); // an unset parent: fed by the first MAIN point
        }
        assertThat(points.get(1).path("live").path("state").asText()).isEqualTo("RUN");
        assertThat(points.get(1).path("live").path("time").asText()).isEqualTo("2026-03-03T00:00:00");
        assertThat(points.get(2).path("live").path("state").asText()).isEqualTo("OFF");
        assertThat(points.get(2).path("groups").get(0).asText()).isEqualTo("G1");
        JsonNode g1 = circuit.path("groups").get(0);
        assertThat(g1.path("duty").get(0).asText()).isEqualTo("T1");
        assertThat(g1.path("standby").get(0).asText()).isEqualTo("T2");
        assertThat(g1.path("state").asText()).isEqualTo("OFF");
        assertThat(g1.path("production").get(0).asText()).isEqualTo("P1");
        assertThat(circuit.path("associations").get(0).path("production").asText())
                .isEqualTo("P1");

        HttpResponse<String> unknown = client.get("/api/enterprises/E9/circuit");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Client.json(unknown).path("code").asText()).isEqualTo("UNKNOWN_ENTERPRISE");
        HttpResponse<String> misspelt = client.get("/api/enterprises/E7/circuit?day=2026-03-02");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(Client.json(misspelt).path("field").asText()).isEqualTo("day");

        HttpResponse<String> page = client.get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
        assertThat(page.body()).contains("/assets/vendor/uPlot.iife.min.js").doesNotContain("http://", "https://");
        HttpResponse<String> uplot = client.get("/assets/vendor/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
    }

    @Test
    void onADesktopTheListTheTreeAndAnAlarmReview() {
        long closed = fanAlarms().get(1).path("id").asLong();
        try (Browser b = browser(1366, 900)) {
            b.open("#/");
            List<WebElement> cards = b.all(By.cssSelector("#enterprise-list .card"));
            assertThat(cards).hasSize(2);
            WebElement e7 = b.visible(By.cssSelector("[data-enterprise='E7']"));
            assertThat(e7.getText()).contains("华彩印刷有限公司", "临平区", "印刷", "在线", "生产运行");
            assertThat(e7.findElement(By.cssSelector("[data-status='alarms']")).getText())
                    .matches("(?s).*[一二三]级 1.*");
            assertThat(b.visible(By.cssSelector("[data-enterprise='E8']")).getText())
                    .contains("离线", "工况未知");
            b.screenshot("desktop-1-enterprise-list");

            new Select(b.visible(By.id("filter-industry"))).selectByVisibleText("铸造");
            b.visible(By.id("filter-apply")).click();
            b.awaitRendered("#/?industry=%E9%93%B8%E9%80%A0");
            assertThat(b.all(By.cssSelector("#enterprise-list .card")))
                    .singleElement()
                    .satisfies(c -> assertThat(c.getText()).contains("余杭精铸厂"));

            b.open(ENTERPRISE_PAGE);
            WebElement tree = b.visible(By.id("circuit-tree"));
            assertThat(tree.findElement(By.cssSelector("[data-point='M1']")).getText())
                    .contains("总进线");
            assertThat(tree.findElement(By.cssSelector("[data-point='P1']")).getText())
                    .contains("产污设施", "1#印刷机", "运行");
            assertThat(tree.findElement(By.cssSelector("[data-point='T1']")).getText())
                    .contains("治污设施", "主 G1", "停运");
            assertThat(tree.findElement(By.cssSelector("[data-point='T2']")).getText())
                    .contains("备 G1");
            // M1's sub-tree holds the three circuits it feeds
            assertThat(b.all(By.xpath("//button[@data-point='M1']/following-sibling::ul//button[@data-point]")))
                    .hasSize(3);
            assertThat(b.visible(By.id("groups")).getText()).contains("需运行 1 台", "主用 T1", "备用 T2");
            assertThat(b.visible(By.id("associations")).getText()).contains("1#印刷机（P1） → G1");
            WebElement curve = b.visible(By.cssSelector("#load-curve canvas"));
            assertThat(curve.getSize().getWidth()).isGreaterThan(600);
            WebElement chart = b.visible(By.id("load-curve"));
            assertThat(chart.getAttribute("data-samples")).isEqualTo("96");
            assertThat(chart.getAttribute("data-alarms")).isEqualTo("2"); // both fan stops marked on P1's curve
            assertThat(b.visible(By.id("alarm-markers")).getText()).contains("ALM-01", "03-02 10:00 – 03-02 11:00");
            b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#energy-balance table")));
            assertThat(b.visible(By.id("energy-balance")).getText()).contains("2026-03-02");
            b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#completeness table")));
            assertThat(b.all(By.cssSelector("#completeness tr[data-point='P1']")))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getText()).contains("96 / 96", "100.0 %"));
            assertThat(b.scrollsHorizontally()).isFalse();
            b.screenshot("desktop-2-enterprise");

            b.visible(By.id("span-week")).click(); // the week up to the chosen day
            b.awaitRendered("#/enterprise/E7?day=2026-03-02&span=week&point=P1");
            assertThat(b.visible(By.id("load-curve")).getAttribute("data-samples"))
                    .isEqualTo(String.valueOf(7 * 96));
            b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#completeness table")));
            WebElement week = b.visible(By.cssSelector("#completeness tr[data-point='P1']"));
            assertThat(week.getText()).contains("96 / 672", "14.3 %"); // one day of seven received
            assertThat(week.findElements(By.cssSelector("[data-day]"))).hasSize(7);
            assertThat(week.findElement(By.cssSelector("[data-day='2026-02-24']"))
                            .getText())
                    .isEqualTo("02-24 0%");
            assertThat(b.visible(By.id("energy-balance")).getText()).contains("2026-02-24 — — — —");
            b.screenshot("desktop-3-enterprise-week");

            b.open("#/alarms?enterprise=E7");
            assertThat(b.all(By.cssSelector("#alarm-list [data-rule='ALM-01']")))
                    .hasSize(2);
            b.screenshot("desktop-4-alarm-list");
            b.visible(By.cssSelector("[data-alarm='" + closed + "']")).click();
            b.awaitRendered("#/alarms/" + closed);
            assertThat(b.visible(By.id("alarm-summary")).getText())
                    .contains("华彩印刷有限公司", "中途停运", "2026-03-02 10:00:00", "已解除", "未审核");
            assertThat(b.visible(By.id("evidence")).getText()).contains("产污设施", "运行", "治污设施组", "停运");
            reviewWith(b, "decision-dismiss", "检修报备，已批准", "zhang");
            b.waitFor().until(ExpectedConditions.attributeToBe(By.id("review-state"), "data-review", "DISMISSED"));
            assertThat(b.visible(By.id("alarm-summary")).getText()).contains("已排除", "检修报备，已批准", "zhang");
            assertThat(b.visible(By.id("events")).getText()).contains("人工审核");
            b.screenshot("desktop-5-alarm-reviewed");
        }
        JsonNode stored = ok(client.get("/api/alarms/" + closed)).path("alarm");
        assertThat(stored.path("review").asText()).isEqualTo("DISMISSED");
        assertThat(stored.path("reviewer").asText()).isEqualTo("zhang");
    }

    /** Fills the review form and submits; the first submit asks for the token, which is pasted into the dialog. */
    private static void reviewWith(Browser b, String decision, String comment, String reviewer) {
        b.visible(By.id(decision)).click();
        b.visible(By.id("review-comment")).sendKeys(comment);
        WebElement who = b.visible(By.id("reviewer"));
        who.clear();
        who.sendKeys(reviewer);
        b.visible(By.id("review-submit")).click();
        b.visible(By.id("token-input")).sendKeys(DashboardScenario.TOKEN);
        b.visible(By.id("token-save")).click();
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndEveryTapTargetIsBigEnough() {
        long open = fanAlarms().get(0).path("id").asLong();
        try (Browser b = browser(PHONE_WIDTH, PHONE_HEIGHT)) {
            assertThat(b.js("return [window.innerWidth, window.innerHeight];")).isEqualTo(List.of(390L, 844L));
            b.open("#/");
            assertThat(b.all(By.cssSelector("#enterprise-list .card"))).hasSize(2);
            assertPhoneFriendly(b);
            b.screenshot("phone-1-enterprise-list");
            b.visible(By.id("search")).sendKeys("精铸");
            b.visible(By.id("filter-apply")).click();
            b.awaitRendered("#/?q=%E7%B2%BE%E9%93%B8");
            assertThat(b.all(By.cssSelector("#enterprise-list .card")))
                    .singleElement()
                    .satisfies(
                            c -> assertThat(c.getAttribute("data-enterprise")).isEqualTo("E8"));

            b.open(ENTERPRISE_PAGE);
            b.visible(By.cssSelector("#load-curve canvas"));
            b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#completeness table")));
            b.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#energy-balance table")));
            assertThat(b.visible(By.cssSelector("[data-point='T1']")).getText()).contains("停运");
            assertPhoneFriendly(b);
            b.screenshot("phone-2-enterprise");

            b.open("#/alarms?enterprise=E7");
            assertThat(b.all(By.cssSelector("#alarm-list .card"))).hasSizeGreaterThanOrEqualTo(2);
            assertPhoneFriendly(b);
            b.screenshot("phone-3-alarm-list");

            b.open("#/alarms/" + open);
            assertThat(b.visible(By.id("alarm-summary")).getText()).contains("未解除", "持续中");
            assertPhoneFriendly(b);
            reviewWith(b, "decision-confirm", "企业异常，已通知整改", "li");
            b.waitFor().until(ExpectedConditions.attributeToBe(By.id("review-state"), "data-review", "CONFIRMED"));
            assertPhoneFriendly(b);
            b.screenshot("phone-4-alarm-reviewed");
        }
        assertThat(ok(client.get("/api/alarms/" + open))
                        .path("alarm")
                        .path("review")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    /** No sideways scrolling; every visible control at least 44 px tall and wide enough to hit (a radio counts by its label). */
    private static void assertPhoneFriendly(Browser b) {
        assertThat(b.scrollsHorizontally())
                .as("page wider than the phone: scrollWidth %s", b.js("return document.documentElement.scrollWidth;"))
                .isFalse();
        Object small = b.js("""
                const out = [];
                for (const el of document.querySelectorAll('a, button, select, input, textarea, summary, .u-legend .u-series')) {
                  const target = el.type === 'radio' || el.type === 'checkbox' ? el.closest('label') : el;
                  const r = target.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) continue;  // not shown (closed dialog)
                  if (r.height < 44 || r.width < 44) out.push((el.id || el.textContent.trim().slice(0, 20) || el.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                return out;
                """);
        assertThat((List<?>) small).as("tap targets under 44 px").isEmpty();
    }
}
