package io.pollwatt.verification.validation;

import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which thresholds {@code testbed validate-rules} sweeps: per rule, one configuration key (domain-rules Appendix A)
 * and the values to try. The default table is the resource {@value #RESOURCE} beside this class; {@code --sweeps
 * FILE} reads another in the same format: one line {@code RULE KEY VALUE…}, {@code #} starts a comment.
 *
 * @param sweeps the rows, in file order
 */
public record SweepTable(List<Sweep> sweeps) {

    /** The default table's resource name. */
    public static final String RESOURCE = "sweeps.txt";

    private static final Pattern RULE = Pattern.compile("(ALM|DQ|VOC)-\\d\\d[a-z]?");

    public SweepTable {
        sweeps = List.copyOf(sweeps);
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("a sweep table needs at least one row");
        }
    }

    /**
     * One row: sweep {@code key} over {@code values} and score {@code rule}.
     *
     * @param rule the rule as the scoring names it ({@code ALM-01}, {@code DQ-08a})
     * @param key the configuration key
     * @param values the values to try, ascending, each once
     */
    public record Sweep(String rule, String key, List<BigDecimal> values) {
        public Sweep {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(key, "key");
            TreeSet<BigDecimal> sorted = new TreeSet<>();
            for (BigDecimal v : values) {
                sorted.add(plain(v));
            }
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("sweep of " + rule + " over " + key + " has no values");
            }
            values = List.copyOf(sorted);
        }

        /** The values with {@code inEffect} added when the table does not list it. */
        public List<BigDecimal> valuesWith(BigDecimal inEffect) {
            TreeSet<BigDecimal> all = new TreeSet<>(values);
            all.add(plain(inEffect));
            return List.copyOf(all);
        }
    }

    /** The table shipped with pollwatt ({@value #RESOURCE}). */
    public static SweepTable defaults() {
        try (InputStream in = SweepTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sweep table " + RESOURCE + " is missing from the classpath");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the sweep table " + RESOURCE, e);
        } catch (SweepTableException e) {
            throw new IllegalStateException("the shipped sweep table is broken: " + e.getMessage(), e);
        }
    }

    /** A table file (UTF-8). */
    public static SweepTable read(Path file) throws IOException, SweepTableException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a table; every problem is collected and reported at once as {@code source:line: …}: a line without
     * values, a rule not named like {@code ALM-01}, an unknown key, a value that is not a number or that the rules'
     * configuration refuses (alone over the defaults).
     */
    public static SweepTable parse(String source, String text) throws SweepTableException {
        List<Sweep> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = source + ":" + (i + 1) + ": ";
            String line = lines[i];
            int hash = line.indexOf('#');
            String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            if (words.length < 3) {
                errors.add(where + "expected RULE KEY VALUE…, got '" + line.trim() + "'");
                continue;
            }
            int before = errors.size();
            if (!RULE.matcher(words[0]).matches()) {
                errors.add(where + "expected a rule id like ALM-01 or DQ-08a, got '" + words[0] + "'");
            }
            String key = words[1];
            if (!RuleConfig.defaultValues().containsKey(key)) {
                errors.add(where + "expected a rule configuration key (docs/rules.md), got '" + key + "'");
            }
            List<BigDecimal> values = new ArrayList<>();
            for (int w = 2; w < words.length; w++) {
                try {
                    values.add(new BigDecimal(words[w]));
                } catch (NumberFormatException e) {
                    errors.add(where + "expected a number for " + key + ", got '" + words[w] + "'");
                }
            }
            if (errors.size() == before) {
                for (BigDecimal v : values) {
                    try {
                        RuleConfig.of(Map.of(key, text(v)));
                    } catch (RuleConfigException e) {
                        errors.add(where + key + "=" + text(v) + " is refused: " + String.join("; ", e.errors()));
                    }
                }
            }
            if (errors.size() == before) {
                rows.add(new Sweep(words[0], key, values));
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(source + ": expected at least one line RULE KEY VALUE…, got none");
        }
        if (!errors.isEmpty()) {
            throw new SweepTableException(errors);
        }
        return new SweepTable(rows);
    }

    /**
     * A value without trailing zeros and never in exponent form: {@code 30}, not {@code 3E+1} (which is what
     * {@link BigDecimal#stripTrailingZeros} makes of 30.0, and what JSON would then show).
     */
    public static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A value as a configuration file would write it: {@code 0.5}, {@code 30}. */
    public static String text(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
