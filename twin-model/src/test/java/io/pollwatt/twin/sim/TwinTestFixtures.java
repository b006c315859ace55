package io.pollwatt.twin.sim;

import io.pollwatt.twin.site.Enterprise;

/** Test fixtures shared with other packages' tests. */
public final class TwinTestFixtures {

    private TwinTestFixtures() {}

    /** A small textile line: one main, two production, two treatment (duty/standby), one indirect point. */
    public static Enterprise textileLine() {
        return TwinTest.textileLine();
    }
}
