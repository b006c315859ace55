package io.pollwatt.certification.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numbered case catalogue, read from the data file {@code catalogue.json} beside this class (docs/certification.md
 * lists it; a test keeps the two in step). Cases keep the file's order.
 */
public final class Catalogue {

    /** The resource the catalogue is read from. */
    public static final String RESOURCE = "/io/pollwatt/certification/catalogue.json";

    private final List<CertCase> cases;

    private Catalogue(List<CertCase> cases) {
        this.cases = List.copyOf(cases);
    }

    /** The catalogue shipped with this module. */
    public static Catalogue standard() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the case catalogue " + RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the case catalogue " + RESOURCE, e);
        }
    }

    static Catalogue parse(JsonNode root) {
        List<CertCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : root) {
            List<Profile> profiles = new ArrayList<>();
            for (JsonNode p : n.path("profiles")) {
                profiles.add(Profile.of(p.asText())
                        .orElseThrow(() -> new IllegalStateException(
                                "catalogue case " + n.path("id").asText() + ": unknown profile " + p)));
            }
            Set<Integer> cns = new TreeSet<>();
            n.path("requiredCns").forEach(c -> cns.add(c.asInt()));
            CertCase c = new CertCase(
                    n.path("id").asText(null),
                    n.path("clause").asText(null),
                    n.path("title").asText(null),
                    n.path("checks").asText(null),
                    n.path("passCriteria").asText(null),
                    profiles,
                    cns,
                    n.path("needsPacketisation").asBoolean(false),
                    CertCase.Kind.valueOf(n.path("kind").asText("PASSIVE")));
            if (!ids.add(c.id())) {
                throw new IllegalStateException("catalogue case " + c.id() + " is listed twice");
            }
            out.add(c);
        }
        return new Catalogue(out);
    }

    /** Every case, in catalogue order. */
    public List<CertCase> cases() {
        return cases;
    }

    /** The case with {@code id}. */
    public Optional<CertCase> find(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The cases of a profile, in catalogue order (whether the declaration selects them is {@link #whyNot}). */
    public List<CertCase> forProfile(Profile profile) {
        return cases.stream().filter(c -> c.profiles().contains(profile)).toList();
    }

    /**
     * Why {@code c} does not apply to a device with {@code declaration}, or empty when it applies: the declaration
     * selects cases by the CNs and packetisation it declares.
     */
    public static Optional<String> whyNot(CertCase c, Declaration declaration) {
        if (!c.profiles().contains(declaration.profile())) {
            return Optional.of("not a case of profile " + declaration.profile());
        }
        Set<Integer> missing = new TreeSet<>(c.requiredCns());
        missing.removeAll(declaration.supportedCns());
        if (!missing.isEmpty()) {
            return Optional.of("the declaration does not list CN " + missing);
        }
        if (c.needsPacketisation() && !declaration.packetisation()) {
            return Optional.of("the declaration says the device does not split messages");
        }
        return Optional.empty();
    }
}
