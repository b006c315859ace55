package io.pollwatt.verification.cli;

import io.cucumber.core.gherkin.DocStringArgument;
import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.gherkin.Step;
import io.cucumber.core.order.PickleOrder;
import io.pollwatt.verification.site.ReadySites;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's scenarios, the costliest run first. Scenarios run side by side in this order: a 31-day run started
 * last keeps one thread busy alone at the end, started first it runs beside the short ones. Cucumber sorts feature
 * files by path before any order applies, so the order is one of pickles. The cost is read from the scenario: the
 * days it runs ({@code 起运行 N 天} / {@code N 小时}) times the sites it stages ({@code 现场档案} steps, inline or ready),
 * each weighed by its points in units of a small site's three (the 55-point company's day costs as much as 18 small
 * sites' days); scenarios of equal cost keep the catalogue's order.
 */
final class LongestRunFirst implements PickleOrder {

    private static final Pattern RUN = Pattern.compile("起运行\\s+(\\d+)\\s*(天|小时)");

    /** A ready site step: {@code 企业 "textile" 的现场档案}. */
    private static final Pattern READY = Pattern.compile("企业 \"([^\"]+)\" 的现场档案");

    /** A point of a site file (flow or block style). */
    private static final Pattern POINT = Pattern.compile("kind:\\s*(MAIN|PROD_TREAT|PROD|TREAT|INDIRECT)\\b");

    /** The points of the small site most scenarios stage inline. */
    private static final double SMALL_SITE_POINTS = 3;

    @Override
    public List<Pickle> orderPickles(List<Pickle> pickles) {
        List<Pickle> out = new ArrayList<>(pickles);
        out.sort(Comparator.comparingDouble(LongestRunFirst::cost).reversed()); // stable: ties keep their order
        return out;
    }

    /** Simulated site-days of a scenario, a site weighed by its points. */
    static double cost(Pickle pickle) {
        List<String> texts = new ArrayList<>();
        double sites = 0;
        for (Step s : pickle.getSteps()) {
            texts.add(s.getText());
            if (s.getText().contains("现场档案") && s.getArgument() instanceof DocStringArgument d) {
                sites += weight(d.getContent());
            } else {
                Matcher ready = READY.matcher(s.getText());
                if (ready.find()) {
                    sites += weight(ReadySites.text(ready.group(1)).orElse(""));
                }
            }
        }
        return days(String.join("\n", texts)) * Math.max(1, sites);
    }

    /** A site's weight: its points in small sites, at least one. */
    static double weight(String siteText) {
        long points = POINT.matcher(siteText).results().count();
        return Math.max(1, points / SMALL_SITE_POINTS);
    }

    /** The longest run {@code text} asks for, in days. */
    static double days(String text) {
        double max = 0;
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            max = Math.max(max, m.group(2).equals("天") ? n : n / 24);
        }
        return max;
    }
}
