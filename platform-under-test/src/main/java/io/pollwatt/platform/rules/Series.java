package io.pollwatt.platform.rules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One device point's samples on a {@link Grid}, column by quantity ({@code P}, {@code IA}, {@code UA}, …, {@code TVOC},
 * {@code VELOCITY}), as the rules read them: {@code NaN} where the quantity was absent or not a number; a record that
 * was received at all is {@link #present}. Flags are the HJ 212 data flags as sent ({@code null}: none sent).
 *
 * <p>{@code known} separates "missing" from "not yet": instants at or after it are later than the latest record
 * and the point is not (yet) declared offline, so a rule stops there instead of ending an episode (rulebook §0).
 */
public final class Series {

    private final String id;
    private final Grid grid;
    private final boolean[] present;
    private final Map<String, double[]> values;
    private final Map<String, String[]> flags;
    private int known;

    public Series(String id, Grid grid) {
        this.id = Objects.requireNonNull(id, "id");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.present = new boolean[grid.size()];
        this.values = new HashMap<>();
        this.flags = new HashMap<>();
        this.known = grid.size();
    }

    /** Sets quantity {@code q} at index {@code i} (and marks the record present). */
    public Series set(int i, String q, double value) {
        present[i] = true;
        values.computeIfAbsent(q, k -> nans(grid.size()))[i] = value;
        return this;
    }

    /** Sets the data flag of quantity {@code q} at index {@code i}. */
    public Series flag(int i, String q, String flag) {
        present[i] = true;
        flags.computeIfAbsent(q, k -> new String[grid.size()])[i] = flag;
        return this;
    }

    /** Marks a record present at {@code i} without values (all quantities unreadable). */
    public Series markPresent(int i) {
        present[i] = true;
        return this;
    }

    /** Instants from {@code i} on are not yet known (see the class comment). */
    public Series knownUntil(int i) {
        this.known = Math.max(0, Math.min(grid.size(), i));
        return this;
    }

    public String id() {
        return id;
    }

    public Grid grid() {
        return grid;
    }

    /** Whether a record exists at {@code i}. */
    public boolean present(int i) {
        return present[i];
    }

    /** The value of {@code q} at {@code i}, {@code NaN} when absent. */
    public double value(String q, int i) {
        double[] v = values.get(q);
        return v == null ? Double.NaN : v[i];
    }

    /** Whether {@code q} has a number at {@code i}. */
    public boolean has(String q, int i) {
        return !Double.isNaN(value(q, i));
    }

    /** The data flag of {@code q} at {@code i}, {@code null} when none was sent. */
    public String flagOf(String q, int i) {
        String[] f = flags.get(q);
        return f == null ? null : f[i];
    }

    /**
     * Whether {@code q} at {@code i} is usable for the rules: a number with no flag, or flag N or T (ST-07, VOC-05;
     * a T value is the range limit and still counts).
     */
    public boolean usable(String q, int i) {
        if (!has(q, i)) {
            return false;
        }
        String f = flagOf(q, i);
        return f == null || f.equals("N") || f.equals("T");
    }

    /** Instants before this index are known: present or missing. */
    public int known() {
        return known;
    }

    /** The index of the latest present record, −1 when none. */
    public int latest() {
        for (int i = present.length - 1; i >= 0; i--) {
            if (present[i]) {
                return i;
            }
        }
        return -1;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
