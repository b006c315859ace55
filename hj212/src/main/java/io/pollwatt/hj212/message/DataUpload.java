package io.pollwatt.hj212.message;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that carries data stamped with {@code DataTime} (§9.3): 2011 real-time data, 2021 facility state, 2031
 * day, 2041 facility run time, 2051 minute, 2061 hour data, 2081 boot time, and returned 3015/3019/3020 data.
 *
 * <pre>
 *   QN=…;ST=51;CN=2011;PW=123456;MN=…;Flag=5;CP=&amp;&amp;DataTime=20240301081500;g70101-Rtd=12.3,g70101-Flag=N&amp;&amp;
 * </pre>
 *
 * @param header the header
 * @param cp the data area; it has a {@code DataTime}
 */
public record DataUpload(Header header, Cp cp) implements Hj212Message {

    public DataUpload {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(cp, "cp");
        if (!cp.has("DataTime")) {
            throw new IllegalArgumentException("a data upload needs DataTime, CN=" + header.cn());
        }
    }

    /** {@code DataTime} as a local time (acquisition instant, or interval start for history data). */
    public LocalDateTime dataTime() {
        return cp.dataTime()
                .orElseThrow(() -> new IllegalStateException("DataTime is not a time: " + cp.get("DataTime")));
    }

    /** The literal {@code DataTime} text as sent. */
    public String dataTimeText() {
        return cp.get("DataTime").orElseThrow();
    }

    /** The factors in wire order. */
    public List<FactorValues> factors() {
        return cp.factors();
    }

    /** One factor's values, if present. */
    public Optional<FactorValues> factor(String code) {
        return cp.factor(code);
    }
}
