package io.pollwatt.verification.cli;

import io.cucumber.core.gherkin.DocStringArgument;
import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.gherkin.Step;
import io.cucumber.core.order.PickleOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's scenarios, the costliest run first. Scenarios run side by side in this order: a 31-day run started
 * last keeps one thread busy alone at the end, started first it runs beside the short ones. Cucumber sorts feature
 * files by path before any order applies, so the order is one of pickles. The cost is read from the scenario: the
 * days it runs ({@code 起运行 N 天} / {@code N 小时}) times the sites it stages ({@code 现场档案} steps); scenarios of equal
 * cost keep the catalogue's order.
 */
final class LongestRunFirst implements PickleOrder {

    private static final Pattern RUN = Pattern.compile("起运行\\s+(\\d+)\\s*(天|小时)");

    @Override
    public List<Pickle> orderPickles(List<Pickle> pickles) {
        List<Pickle> out = new ArrayList<>(pickles);
        out.sort(Comparator.comparingDouble(LongestRunFirst::cost).reversed()); // stable: ties keep their order
        return out;
    }

    /** Simulated site-days of a scenario. */
    static double cost(Pickle pickle) {
        List<String> texts = new ArrayList<>();
        int sites = 0;
        for (Step s : pickle.getSteps()) {
            texts.add(s.getText());
            if (s.getText().contains("现场档案") && s.getArgument() instanceof DocStringArgument) {
                sites++;
            }
        }
        return days(String.join("\n", texts)) * Math.max(1, sites);
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
