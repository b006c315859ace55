package io.pollwatt.hj212.internal;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The character-level rules of hj212-2017.md §5, §10 and §19, in one place, so that the decoder, the encoder and
 * the records agree. Hand-written instead of regular expressions: the decoder runs them for every pair of every
 * frame. All inputs are ASCII by the time they get here (non-ASCII outside {@code //log//} text is rejected
 * first).
 */
public final class Syntax {

    private Syntax() {}

    /** Whether {@code s} consists of {@code min..max} ASCII digits. */
    public static boolean isDigits(String s, int min, int max) {
        int n = s.length();
        if (n < min || n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** ST in strict form: two characters of {@code 0-9 A-Z} (Table 3, C2). */
    public static boolean isStrictSt(String s) {
        return s.length() == 2 && isUpperAlnum(s.charAt(0)) && isUpperAlnum(s.charAt(1));
    }

    /** ST as tolerated in lenient mode: two or three characters of {@code 0-9 A-Z a-z} (vendor 101). */
    public static boolean isLenientSt(String s) {
        int n = s.length();
        if (n < 2 || n > 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** PW in strict form: one to six characters of {@code 0-9 A-Z a-z} (Table 3, C6). */
    public static boolean isStrictPw(String s) {
        int n = s.length();
        if (n < 1 || n > 6) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** MN in strict form: 24 upper-case hex digits (EPC-96). */
    public static boolean isStrictMn(String s) {
        if (s.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** MN as tolerated in lenient mode: 1 to 24 characters of {@code 0-9 A-Z a-z _ -} (2005 devices, vendors). */
    public static boolean isLenientMn(String s) {
        int n = s.length();
        if (n < 1 || n > 24) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A CP name in strict form: {@code [A-Za-z0-9]+} optionally followed by {@code -[A-Za-z]+}. */
    public static boolean isStrictName(String s) {
        return isName(s, false);
    }

    /** A CP name as tolerated in lenient mode: {@code _} allowed, digits allowed in the suffix. */
    public static boolean isLenientName(String s) {
        return isName(s, true);
    }

    private static boolean isName(String s, boolean lenient) {
        int n = s.length();
        int dash = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (dash >= 0) {
                    return false;
                }
                dash = i;
            } else if (dash < 0) {
                if (!(isAlnum(c) || (lenient && c == '_'))) {
                    return false;
                }
            } else if (!(isLetter(c) || (lenient && (isDigit(c) || c == '_')))) {
                return false;
            }
        }
        return n > 0 && dash != 0 && dash != n - 1;
    }

    /** A plain decimal: optional sign, digits, optionally a point and more digits; no exponent (§10.2). */
    public static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        i++;
        int fraction = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i == n && i > fraction;
    }

    /** One of the eight data flags of HJ 212-2017 Table 8: {@code N F M S D C T B}. */
    public static boolean isStandardDataFlag(String s) {
        return s.length() == 1 && "NFMSDCTB".indexOf(s.charAt(0)) >= 0;
    }

    /** Any single ASCII letter: a data flag as tolerated in lenient mode. */
    public static boolean isSingleLetter(String s) {
        return s.length() == 1 && isLetter(s.charAt(0));
    }

    /**
     * Whether {@code s} is a valid N14 time {@code YYYYMMDDhhmmss} (year 1..9999, a real calendar day), or, when
     * {@code allowMillis}, the 17-digit form with milliseconds that some devices send.
     */
    public static boolean isTime(String s, boolean allowMillis) {
        int n = s.length();
        return (n == 14 || (allowMillis && n == 17)) && isDigits(s, n, n) && isTime(s, 0);
    }

    /**
     * Whether the 14 ASCII digits of {@code s} from {@code at} are a valid {@code YYYYMMDDhhmmss}: year 1..9999, a
     * real calendar day, hour 0..23, minute and second 0..59. The caller has checked they are digits.
     */
    public static boolean isTime(String s, int at) {
        return isTime(
                num(s, at, at + 4),
                num(s, at + 4, at + 6),
                num(s, at + 6, at + 8),
                num(s, at + 8, at + 10),
                num(s, at + 10, at + 12),
                num(s, at + 12, at + 14));
    }

    /** Whether the fields make a valid time (no allocation; the decoder checks every time field with it). */
    public static boolean isTime(int year, int month, int day, int hour, int minute, int second) {
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        int days = month == 2
                ? ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28)
                : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
        return day <= days;
    }

    /** Parses an N14 (or, when allowed, 17-digit) time; {@code null} when it is not one. */
    public static LocalDateTime parseTime(String s, boolean allowMillis) {
        int n = s.length();
        if (!(n == 14 || (allowMillis && n == 17)) || !isDigits(s, n, n)) {
            return null;
        }
        int year = num(s, 0, 4);
        if (year < 1) {
            return null;
        }
        try {
            int nanos = n == 17 ? num(s, 14, 17) * 1_000_000 : 0;
            return LocalDateTime.of(
                    year, num(s, 4, 6), num(s, 6, 8), num(s, 8, 10), num(s, 10, 12), num(s, 12, 14), nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Formats a time as N14 {@code YYYYMMDDhhmmss}; the zone is the caller's business (QN and DataTime carry none). */
    public static String formatTime(LocalDateTime t) {
        char[] out = new char[14];
        put(out, 0, t.getYear(), 4);
        put(out, 4, t.getMonthValue(), 2);
        put(out, 6, t.getDayOfMonth(), 2);
        put(out, 8, t.getHour(), 2);
        put(out, 10, t.getMinute(), 2);
        put(out, 12, t.getSecond(), 2);
        return new String(out);
    }

    /** Formats a time as the 17-digit QN form {@code YYYYMMDDhhmmsszzz}. */
    public static String formatQnTime(LocalDateTime t) {
        char[] out = new char[17];
        formatTime(t).getChars(0, 14, out, 0);
        put(out, 14, t.getNano() / 1_000_000, 3);
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative time field " + value);
        }
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        if (value != 0) {
            throw new IllegalArgumentException("time field does not fit " + width + " digits");
        }
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isUpperAlnum(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z');
    }
}
