/**
 * The acceptance procedure (验收, domain-rules §7): the checks AC-01…AC-11 of one enterprise's installation after a
 * trial run, judged from the installation (the site file), the platform's archive and store, the twin's truth (the
 * reference instrument of AC-04) and the site tests the scenario staged (a treatment switched off for AC-06, an
 * uplink cut for AC-07). {@link io.pollwatt.verification.acceptance.AcceptanceProcedure} gives the report records of
 * module {@code reports}.
 */
package io.pollwatt.verification.acceptance;
