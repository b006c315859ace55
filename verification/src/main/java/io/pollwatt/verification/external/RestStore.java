package io.pollwatt.verification.external;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import io.pollwatt.verification.testbed.PlatformStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An outside platform read through the reference REST contract, under the staged sites' own ids: each site's alias
 * ({@link SiteAlias}) is what the platform is asked about, and what it answers is read back under the original id.
 * The alarms are read once, when the run is over and the platform quiet.
 */
public final class RestStore implements PlatformStore {

    private final ReferenceApi api;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Optional<String>> mns = new HashMap<>();
    private List<Alarm> alarms;

    /**
     * @param api the platform's API
     * @param sites the staged sites as the platform knows them
     */
    public RestStore(ReferenceApi api, List<SiteAlias> sites) {
        this.api = api;
        for (SiteAlias s : sites) {
            aliases.put(s.id(), s.alias());
            names.put(s.alias(), s.id());
            s.mns().forEach((original, sent) -> names.put(sent, original));
        }
    }

    @Override
    public synchronized List<Alarm> alarms() {
        if (alarms == null) {
            alarms = List.copyOf(currentAlarms());
        }
        return alarms;
    }

    /** The alarms as the platform holds them now, under the original ids (to see whether the platform is quiet). */
    List<Alarm> currentAlarms() {
        List<Alarm> out = new ArrayList<>();
        aliases.values().forEach(alias -> api.alarms(alias).forEach(a -> out.add(original(a))));
        return out;
    }

    @Override
    public synchronized Optional<String> mn(String enterprise, String point) {
        return mns.computeIfAbsent(enterprise + "/" + point, k -> api.mn(alias(enterprise), point));
    }

    @Override
    public Optional<List<PointSeries.Sample>> samples(
            String enterprise, String point, LocalDateTime from, LocalDateTime to) {
        return api.records(alias(enterprise), point, from.toLocalDate(), to.toLocalDate())
                .map(all -> all.stream()
                        .filter(s ->
                                !s.dataTime().isBefore(from) && !s.dataTime().isAfter(to))
                        .toList());
    }

    @Override
    public Optional<List<DayAggregate>> days(String enterprise, String point, LocalDate first, LocalDate last) {
        return api.days(alias(enterprise), point, first, last);
    }

    @Override
    public Optional<List<PointStates.StateAt>> states(
            String enterprise, String point, LocalDate first, LocalDate last) {
        return api.states(alias(enterprise), point, first, last);
    }

    @Override
    public List<String> acceptedFrames(List<String> mns, Instant from, Instant to, int limit) {
        List<String> out = new ArrayList<>();
        for (String mn : mns) {
            if (out.size() < limit) {
                out.addAll(api.acceptedFrames(mn, from, to, limit - out.size()));
            }
        }
        return out;
    }

    private String alias(String enterprise) {
        String a = aliases.get(enterprise);
        if (a == null) {
            throw new IllegalArgumentException("no staged site '" + enterprise + "'; there are: " + aliases.keySet());
        }
        return a;
    }

    /** The alarm under the staged names: enterprise id, and the key when it is the enterprise or a device MN. */
    private Alarm original(Alarm a) {
        return new Alarm(
                a.id(),
                names.getOrDefault(a.enterpriseId(), a.enterpriseId()),
                a.ruleId(),
                a.ruleVersion(),
                names.getOrDefault(a.key(), a.key()), // an alarm about the enterprise or a device
                a.subtype(),
                a.points(),
                a.related(),
                a.start(),
                a.raisedAt(),
                a.end(),
                a.level(),
                a.status(),
                a.closingReason(),
                a.detectedLate(),
                a.evidence(),
                a.openedAt(),
                a.updatedAt(),
                a.closedAt(),
                a.review(),
                a.reviewComment(),
                a.reviewer(),
                a.reviewedAt());
    }
}
