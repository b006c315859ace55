package io.pollwatt.hj212.message;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A request, a notification or returned parameters (§9.2): the messages that are neither answers (9011–9014) nor
 * data stamped with {@code DataTime}. Typed readers for the parameters of Table 4 follow; each is empty when the
 * parameter is absent or malformed.
 *
 * <pre>
 *   QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&amp;&amp;RtdInterval=30&amp;&amp;
 * </pre>
 *
 * @param header the header
 * @param cp the parameters
 */
public record Command(Header header, Cp cp) implements Hj212Message {

    public Command {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(cp, "cp");
    }

    /** {@code BeginTime} of a history request (inclusive). */
    public Optional<LocalDateTime> beginTime() {
        return cp.time("BeginTime");
    }

    /** {@code EndTime} of a history request (inclusive). */
    public Optional<LocalDateTime> endTime() {
        return cp.time("EndTime");
    }

    /** {@code SystemTime}: the device time (1011 up, 1012 down). */
    public Optional<LocalDateTime> systemTime() {
        return cp.time("SystemTime");
    }

    /** {@code OverTime}: answer timeout in seconds, 0 &lt; n ≤ 99 (1000). */
    public Optional<Integer> overTime() {
        return cp.integer("OverTime");
    }

    /** {@code ReCount}: retries, 0 &lt; n ≤ 99 (1000). */
    public Optional<Integer> reCount() {
        return cp.integer("ReCount");
    }

    /** {@code RtdInterval}: real-time interval in seconds, 30 ≤ n ≤ 3600 (1061 up, 1062). */
    public Optional<Integer> rtdInterval() {
        return cp.integer("RtdInterval");
    }

    /** {@code MinInterval}: minute-data interval in minutes (1063 up, 1064). */
    public Optional<Integer> minInterval() {
        return cp.integer("MinInterval");
    }

    /** {@code PolId}: the factor code a command addresses. */
    public Optional<String> polId() {
        return cp.get("PolId");
    }

    /** {@code NewPW}: the new access password (1072). */
    public Optional<String> newPw() {
        return cp.get("NewPW");
    }

    /** {@code InfoId}: the device-information code asked for (3020, 3021). */
    public Optional<String> infoId() {
        return cp.get("InfoId");
    }
}
