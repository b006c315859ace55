package io.pollwatt.platform.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which HJ 212 factor code carries which quantity, as configured for this deployment (domain-rules D2): electricity
 * codes {@code prefix + QQ + PP} (quantity QQ of meter PP of a DTU, pollwatt's default {@code g7QQPP}) and stack
 * analyzer codes. The default table is the resource {@code factor-codes.properties} next to this class.
 */
public final class FactorCodes {

    /** The classpath resource of the default table. */
    public static final String DEFAULT_RESOURCE = "factor-codes.properties";

    private static final Pattern QQ = Pattern.compile("electric\\.(\\d{2})");
    private static final Pattern VOC = Pattern.compile("voc\\.([A-Za-z0-9]{1,10})");

    /**
     * An electricity code read: quantity {@code quantity} of meter {@code meter}.
     *
     * @param quantity the quantity's name in the table ({@code P}, {@code EP_IMPORT}, …)
     * @param meter the meter number within the DTU, 1–99
     */
    public record Electric(String quantity, int meter) {}

    private final String prefix;
    private final Map<String, String> electric;
    private final Map<String, String> voc;

    private FactorCodes(String prefix, Map<String, String> electric, Map<String, String> voc) {
        this.prefix = prefix;
        this.electric = Collections.unmodifiableMap(electric);
        this.voc = Collections.unmodifiableMap(voc);
    }

    /** pollwatt's default table. */
    public static FactorCodes pollwattDefault() {
        try (InputStream in = FactorCodes.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default factor-code table " + DEFAULT_RESOURCE + " is missing");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the default factor-code table", e);
        }
    }

    /**
     * A table in properties form (UTF-8): {@code electric.prefix}, {@code electric.QQ=NAME}, {@code voc.CODE=NAME}.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static FactorCodes load(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        String prefix = p.getProperty("electric.prefix");
        if (prefix == null || !prefix.matches("[A-Za-z0-9]{1,4}")) {
            throw new IllegalArgumentException("electric.prefix must be 1-4 letters or digits, got '" + prefix + "'");
        }
        Map<String, String> electric = new TreeMap<>();
        Map<String, String> voc = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            Matcher e = QQ.matcher(key);
            Matcher v = VOC.matcher(key);
            if (e.matches()) {
                electric.put(e.group(1), value);
            } else if (v.matches()) {
                voc.put(v.group(1), value);
            } else if (!key.equals("electric.prefix")) {
                throw new IllegalArgumentException("unknown key '" + key + "' in a factor-code table");
            }
        }
        return new FactorCodes(prefix, electric, voc);
    }

    /**
     * The electricity quantity and meter number of a code such as {@code g71301}; a suffix such as {@code -Rtd} is
     * ignored. Empty when the code is not in the table.
     */
    public Optional<Electric> electric(String factorCode) {
        String code = bare(factorCode);
        if (code.length() != prefix.length() + 4 || !code.startsWith(prefix)) {
            return Optional.empty();
        }
        String qq = code.substring(prefix.length(), prefix.length() + 2);
        String pp = code.substring(prefix.length() + 2);
        String quantity = electric.get(qq);
        // char tests, not String.matches: every CP item of every record read by every rule tick comes through here
        if (quantity == null || !isDigit(pp.charAt(0)) || !isDigit(pp.charAt(1)) || pp.equals("00")) {
            return Optional.empty();
        }
        return Optional.of(new Electric(quantity, Integer.parseInt(pp)));
    }

    /** The analyzer quantity of a stack code such as {@code a24088}; a suffix such as {@code -Rtd} is ignored. */
    public Optional<String> voc(String factorCode) {
        return Optional.ofNullable(voc.get(bare(factorCode)));
    }

    /** The code of quantity {@code quantity} of meter {@code meter}, if the table has the quantity. */
    public Optional<String> electricCode(String quantity, int meter) {
        if (meter < 1 || meter > 99) {
            throw new IllegalArgumentException("meter number must be 1..99, got " + meter);
        }
        return electric.entrySet().stream()
                .filter(e -> e.getValue().equals(quantity))
                .findFirst()
                .map(e -> prefix + e.getKey() + (meter < 10 ? "0" : "") + meter);
    }

    /** The electricity quantities by their QQ number, in order. */
    public Map<String, String> electricQuantities() {
        return electric;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String bare(String factorCode) {
        Objects.requireNonNull(factorCode, "factorCode");
        int dash = factorCode.indexOf('-');
        return dash < 0 ? factorCode : factorCode.substring(0, dash);
    }
}
