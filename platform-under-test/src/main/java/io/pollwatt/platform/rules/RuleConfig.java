package io.pollwatt.platform.rules;

import io.pollwatt.platform.state.StateSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules' configuration: every threshold, window and tolerance of the rulebook (domain-rules Appendix A) under its
 * key, with the rulebook's default, overridable per deployment ({@code key=value}) and per enterprise
 * ({@code key@ENTERPRISE=value}). Rules read their numbers only from here, so a scenario can show what each
 * threshold does.
 */
public final class RuleConfig {

    /** The classpath resource of the defaults, next to this class. */
    public static final String DEFAULTS = "rule-defaults.properties";

    private static final Map<String, String> DEFAULT_VALUES = loadDefaults();

    private final Map<String, String> values;
    private final Map<String, Map<String, String>> perEnterprise;

    private RuleConfig(Map<String, String> values, Map<String, Map<String, String>> perEnterprise) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        TreeMap<String, Map<String, String>> copy = new TreeMap<>();
        perEnterprise.forEach((e, m) -> copy.put(e, Collections.unmodifiableMap(new TreeMap<>(m))));
        this.perEnterprise = Collections.unmodifiableMap(copy);
    }

    /** The rulebook's defaults. */
    public static RuleConfig defaults() {
        return new RuleConfig(DEFAULT_VALUES, Map.of());
    }

    /**
     * The defaults overridden by {@code overrides}: {@code key=value} for the deployment, {@code key@ENTERPRISE=value}
     * for one enterprise.
     *
     * @throws RuleConfigException naming every unknown key and every value that is not what its key takes
     */
    public static RuleConfig of(Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>(DEFAULT_VALUES);
        Map<String, Map<String, String>> perEnterprise = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        new TreeMap<>(overrides).forEach((k, v) -> {
            int at = k.indexOf('@');
            String key = at < 0 ? k.trim() : k.substring(0, at).trim();
            if (!DEFAULT_VALUES.containsKey(key)) {
                errors.add("unknown rule key '" + key + "'");
                return;
            }
            if (at < 0) {
                values.put(key, v.trim());
            } else {
                String enterprise = k.substring(at + 1).trim();
                if (enterprise.isEmpty()) {
                    errors.add("'" + k + "': the enterprise after @ is missing");
                    return;
                }
                perEnterprise.computeIfAbsent(enterprise, e -> new TreeMap<>()).put(key, v.trim());
            }
        });
        RuleConfig config = new RuleConfig(values, perEnterprise);
        errors.addAll(config.validate(values, ""));
        perEnterprise.forEach((e, m) -> {
            Map<String, String> merged = new TreeMap<>(values);
            merged.putAll(m);
            errors.addAll(config.validate(merged, "@" + e));
        });
        if (!errors.isEmpty()) {
            throw new RuleConfigException(errors);
        }
        return config;
    }

    /** A properties file (UTF-8) of overrides. */
    public static RuleConfig load(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return of(m);
    }

    /** The configuration one enterprise's rules run with. */
    public Values forEnterprise(String enterpriseId) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(perEnterprise.getOrDefault(enterpriseId, Map.of()));
        return new Values(Collections.unmodifiableMap(merged));
    }

    /** The deployment's values (defaults with the deployment's overrides). */
    public Map<String, String> deployment() {
        return values;
    }

    /** The per-enterprise overrides. */
    public Map<String, Map<String, String>> enterprises() {
        return perEnterprise;
    }

    /** The rulebook's default of every key. */
    public static Map<String, String> defaultValues() {
        return DEFAULT_VALUES;
    }

    private List<String> validate(Map<String, String> v, String where) {
        List<String> errors = new ArrayList<>();
        Values values = new Values(v);
        for (Map.Entry<String, String> e : v.entrySet()) {
            String key = e.getKey();
            String text = e.getValue();
            try {
                if (key.startsWith("alm.nightWindow")) {
                    LocalTime.parse(text);
                } else if (key.equals("alm.holidays")) {
                    try {
                        holidays(text);
                    } catch (DateTimeParseException ex) {
                        errors.add(key + where + " must be comma-separated dates yyyy-mm-dd, got '" + text + "'");
                    }
                } else if (!(key.equals("voc.tvocLimit") && text.isEmpty())) {
                    double d = Double.parseDouble(text);
                    if (!Double.isFinite(d) || d < 0) {
                        errors.add(key + where + " must be a number ≥ 0, got '" + text + "'");
                    }
                }
            } catch (NumberFormatException | DateTimeParseException ex) {
                errors.add(key + where + " must be " + (key.startsWith("alm.nightWindow") ? "a time hh:mm" : "a number")
                        + ", got '" + text + "'");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        double interval = values.number("agg.realtimeIntervalMin");
        if (interval <= 0) {
            errors.add("agg.realtimeIntervalMin" + where + " must be above 0");
        }
        if (values.number("alm.shortEpisodeMaxMin") >= values.number("alm.notRunningMinMin")) {
            // otherwise an open episode's class is not known when ALM-01's duration is reached (rulebook §4)
            errors.add("alm.shortEpisodeMaxMin" + where + " must be less than alm.notRunningMinMin, got "
                    + values.text("alm.shortEpisodeMaxMin") + " ≥ " + values.text("alm.notRunningMinMin"));
        }
        if (values.number("group.requiredRunning") < 1) {
            errors.add("group.requiredRunning" + where + " must be at least 1");
        }
        try {
            values.stateSettings();
        } catch (IllegalArgumentException ex) {
            errors.add(ex.getMessage() + (where.isEmpty() ? "" : " (" + where.substring(1) + ")"));
        }
        return errors;
    }

    private static Set<LocalDate> holidays(String text) {
        Set<LocalDate> out = new TreeSet<>();
        for (String d : text.split(",")) {
            if (!d.isBlank()) {
                out.add(LocalDate.parse(d.trim()));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Map<String, String> loadDefaults() {
        try (InputStream in = RuleConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the rule defaults " + DEFAULTS + " are missing");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DEFAULTS, e);
        }
    }

    /** The values one evaluation runs with: typed reads of the keys. */
    public static final class Values {
        private final Map<String, String> v;

        Values(Map<String, String> v) {
            this.v = Objects.requireNonNull(v, "values");
        }

        /** Every key with its value. */
        public Map<String, String> all() {
            return v;
        }

        /** The literal value of {@code key}. */
        public String text(String key) {
            String s = v.get(key);
            if (s == null) {
                throw new IllegalArgumentException("unknown rule key '" + key + "'");
            }
            return s;
        }

        /** The given keys with their values, in order: what a finding's evidence says it was judged with. */
        public Map<String, Object> subset(String... keys) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (String k : keys) {
                m.put(k, text(k));
            }
            return m;
        }

        /** The value of {@code key} as a number. */
        public double number(String key) {
            return Double.parseDouble(text(key));
        }

        /** The value of {@code key}, a count. */
        public int count(String key) {
            return (int) Math.round(number(key));
        }

        /** The value of a {@code …Min} key as a duration. */
        public Duration minutes(String key) {
            return Duration.ofSeconds(Math.round(number(key) * 60));
        }

        /** A number that may be left empty (not entered). */
        public OptionalDouble optional(String key) {
            String s = text(key);
            return s.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
        }

        /** {@code alm.holidays}: the public holidays (ISO dates, comma-separated; empty: none). */
        public Set<LocalDate> holidays() {
            return RuleConfig.holidays(text("alm.holidays"));
        }

        /** A time of day ({@code hh:mm}). */
        public LocalTime time(String key) {
            return LocalTime.parse(text(key));
        }

        /** Δ, the real-time interval. */
        public Duration interval() {
            return minutes("agg.realtimeIntervalMin");
        }

        /**
         * How many samples a duration key amounts to: the least n with n·Δ ≥ the duration, at least 1 (a duration
         * threshold can only be reached at a present sample, rulebook §0).
         */
        public int samples(String minutesKey) {
            double n = number(minutesKey) / number("agg.realtimeIntervalMin");
            return Math.max(1, (int) Math.ceil(n - 1e-9));
        }

        /** The state keys as {@link StateSettings}. */
        public StateSettings stateSettings() {
            return new StateSettings(
                    number("state.hysteresisRatio"),
                    count("state.debounceSamples"),
                    number("state.pFloorKw"),
                    number("state.prodOnRatio"),
                    number("state.treatOnRatio"),
                    number("state.lowLoadRatio"),
                    number("state.highRatio"),
                    number("state.fallbackPf"));
        }
    }
}
