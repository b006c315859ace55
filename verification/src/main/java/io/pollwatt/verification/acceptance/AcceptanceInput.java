package io.pollwatt.verification.acceptance;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.testbed.PlatformStore;
import io.pollwatt.verification.testbed.TwinTruth;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the acceptance of one enterprise is judged from.
 *
 * @param site the installation (and the site tests staged as faults)
 * @param archive what the platform archived
 * @param store what the platform stored: records, aggregates and the operating states of its points (ST-01…ST-07)
 * @param truth the twins of the run: what each meter showed and the true power (the reference instrument)
 * @param alarms the platform's alarms of the enterprise
 * @param rules the rule configuration (ac.*, alm.notRunningMinMin)
 * @param start the trial run's first instant
 * @param end the trial run's end
 */
public record AcceptanceInput(
        SiteFile site,
        SiteArchive archive,
        PlatformStore store,
        TwinTruth truth,
        List<Alarm> alarms,
        RuleConfig rules,
        Instant start,
        Instant end) {

    public AcceptanceInput {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(truth, "truth");
        alarms = List.copyOf(alarms);
        Objects.requireNonNull(rules, "rules");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the trial run must end after it starts: " + start + " .. " + end);
        }
    }
}
