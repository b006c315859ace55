package io.pollwatt.certification.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** What kind of product is certified; a case names the profiles it applies to. */
public enum Profile {
    /** A 4G DTU that reads electricity meters and uploads 2011/2051/2061/2031 (rulebook D1). */
    DTU_ELECTRICITY("dtu-electricity"),
    /** A data collector (数采仪) of a stack's VOC analyzer, uploading 2011. */
    COLLECTOR_VOC("collector-voc"),
    /** A monitoring platform: {@code testbed certify-platform} (docs/certification.md "Certifying a platform"). */
    PLATFORM("platform");

    private final String id;

    Profile(String id) {
        this.id = id;
    }

    /** The name used in the catalogue, declarations and on the command line. */
    public String id() {
        return id;
    }

    /** The profile of a name, if there is one. */
    public static Optional<Profile> of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
