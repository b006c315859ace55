package io.pollwatt.verification.site;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of values in a site file: ratios, durations, times of day and local date-times. */
final class ValueSyntax {

    private static final Pattern RATIO = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern SHORT_DURATION =
            Pattern.compile("(-)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private ValueSyntax() {}

    /** {@code primary/secondary} as two positive numbers, or {@code null}. */
    static double[] ratio(String text) {
        Matcher m = RATIO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        double primary = Double.parseDouble(m.group(1));
        double secondary = Double.parseDouble(m.group(2));
        return primary > 0 && secondary > 0 ? new double[] {primary, secondary} : null;
    }

    /** {@code 20m}, {@code 1h30m}, {@code 90s}, {@code 2d}, {@code -10m} or ISO-8601 ({@code PT20M}), or {@code null}. */
    static Duration duration(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("-P") || t.startsWith("+P")) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = SHORT_DURATION.matcher(t);
        if (!m.matches() || t.isEmpty() || t.equals("-")) {
            return null;
        }
        Duration d = Duration.ZERO;
        d = d.plusDays(number(m.group(2)));
        d = d.plusHours(number(m.group(3)));
        d = d.plusMinutes(number(m.group(4)));
        d = d.plusSeconds(number(m.group(5)));
        return m.group(1) != null ? d.negated() : d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** {@code HH:MM} as minutes of the day, 0..1440 ({@code 24:00} is the end of the day), or -1. */
    static int minuteOfDay(String text) {
        Matcher m = TIME_OF_DAY.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (min > 59 || h > 24 || (h == 24 && min != 0)) {
            return -1;
        }
        return h * 60 + min;
    }

    /** {@code 2026-03-01T19:30} (or with a space for the T, or with seconds), or {@code null}. */
    static LocalDateTime dateTime(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + "T" + t.substring(11).trim();
        }
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The id rule of the twin: 1–32 of {@code A-Z a-z 0-9 _ -}. */
    static boolean isId(String text) {
        return ID.matcher(text).matches();
    }
}
