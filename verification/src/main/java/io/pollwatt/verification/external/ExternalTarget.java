package io.pollwatt.verification.external;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform under test outside this process: where its HJ 212 ingest listens, its reference REST API and token, how
 * fast the devices run, and how long it must stay unchanged to count as done judging.
 *
 * @param hj212 the ingest's address ({@code --platform HOST:PORT})
 * @param api the REST API's base ({@code --api URL})
 * @param token the API's bearer token ({@code --token T})
 * @param speed how many times faster than real time the devices run ({@code --speed xN}), or infinite ({@code --speed
 *     max}, the default): virtual time, which the platform's clock follows through {@code PUT /api/clock}
 * @param settle how long the platform's alarms and stored records must stay unchanged after the devices' last
 *     acknowledged record before the checks read them ({@code --settle}; at least one of the platform's judgement
 *     periods)
 */
public record ExternalTarget(InetSocketAddress hj212, URI api, String token, double speed, Duration settle) {

    /** System properties {@code testbed suite} sets for the scenario steps. */
    public static final String PLATFORM = "pollwatt.platform";

    public static final String API = "pollwatt.api";
    public static final String TOKEN = "pollwatt.token";
    public static final String SPEED = "pollwatt.speed";
    public static final String SETTLE = "pollwatt.settle";

    /** {@code --speed max}: virtual time, the platform's test clock set by the testbed. */
    public static final double MAX = Double.POSITIVE_INFINITY;

    /** Two rounds of {@code testbed platform}'s rules (every minute) and a little more. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(150);

    public ExternalTarget {
        Objects.requireNonNull(hj212, "hj212");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(token, "token");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("the speed must be a positive number or max, got " + speed);
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("the settle time must not be negative, got " + settle);
        }
    }

    /** The target the system properties name, or empty when {@value #PLATFORM} is not set (in-process runs). */
    public static Optional<ExternalTarget> fromSystemProperties() {
        String platform = System.getProperty(PLATFORM);
        if (platform == null || platform.isBlank()) {
            return Optional.empty();
        }
        String api = System.getProperty(API);
        if (api == null || api.isBlank()) {
            throw new IllegalArgumentException(PLATFORM + " is set but " + API + " (the REST API's URL) is not");
        }
        String token = System.getProperty(TOKEN, "");
        return Optional.of(new ExternalTarget(
                address(platform),
                URI.create(api.strip()),
                token.strip(),
                speed(System.getProperty(SPEED)),
                settle(System.getProperty(SETTLE))));
    }

    /**
     * Points the scenario steps of this JVM at an outside platform for one catalogue run ({@link
     * #fromSystemProperties}); {@link #clearSystemProperties} ends it.
     */
    public static void setSystemProperties(String hostPort, String api, String token, String speed, Duration settle) {
        System.setProperty(PLATFORM, hostPort);
        System.setProperty(API, api);
        System.setProperty(TOKEN, token);
        System.setProperty(SPEED, speed);
        System.setProperty(SETTLE, settle.toString());
    }

    /** Back to in-process runs: a later catalogue run in the same JVM (tests) starts from none. */
    public static void clearSystemProperties() {
        for (String key : new String[] {PLATFORM, API, TOKEN, SPEED, SETTLE}) {
            System.clearProperty(key);
        }
    }

    /** {@code HOST:PORT} as an address (not resolved until connected). */
    public static InetSocketAddress address(String hostPort) {
        String s = hostPort.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT for the platform's HJ 212 ingest, got '" + s + "'");
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(s.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of '" + s + "' is not 1..65535", e);
        }
    }

    /** Whether the devices run in virtual time with the platform's clock set by the testbed. */
    public boolean virtual() {
        return Double.isInfinite(speed);
    }

    /** {@code max}, {@code xN} or {@code N} (N > 0) as a speed; blank is max. */
    public static double speed(String text) {
        if (text == null || text.isBlank() || text.strip().equals("max")) {
            return MAX;
        }
        String t = text.strip();
        try {
            double v = Double.parseDouble(t.startsWith("x") ? t.substring(1) : t);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the speed must be max or xN with N > 0, got '" + text + "'", e);
        }
    }

    private static Duration settle(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_SETTLE;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(SETTLE + " must be an ISO-8601 duration (PT2M), got '" + text + "'", e);
        }
    }
}
