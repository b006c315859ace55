package io.pollwatt.hj212.codec;

/**
 * How strictly frames are judged (hj212-2017.md §19).
 *
 * <ul>
 *   <li>{@link #STRICT}: HJ 212-2017 as written. What pollwatt's emulators emit and what certification expects.
 *   <li>{@link #LENIENT}: strict minus the documented deviations of public devices (lower-case CRC, character
 *       count as length for non-ASCII text, LF-only trailer, segment up to 9999 bytes, missing QN/Flag/PW, any
 *       header order, unknown header fields, 2–3 character ST, 1–24 character MN, any PW, any Flag version, D bit
 *       without PNUM/PNO, empty CP items and empty numeric values, 17-digit times, any single-letter data flag,
 *       {@code _} in names, extension CNs). Every tolerated deviation is reported as a {@link Warning}.
 * </ul>
 */
public enum Mode {
    STRICT,
    LENIENT
}
