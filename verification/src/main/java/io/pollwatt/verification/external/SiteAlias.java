package io.pollwatt.verification.external;

import io.pollwatt.emulator.fleet.DevicePlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One staged site under another name on an outside platform. Scenarios reuse enterprise ids, MNs and dates (every
 * run of {@code S0101} sends 2026-03-01 under the same MN), and a platform keeps what it stored: a second run would
 * be taken for resends of the first. So each run registers the site as {@code <id>-<tag>} with its devices' MNs
 * derived from that name, and reads the platform's answers back under the original id. The twin keeps its id: its
 * readings are the same as in-process.
 *
 * @param id the site's enterprise id
 * @param alias the id the outside platform knows it by
 * @param text the site file as registered: the original text with the alias for its {@code id} and the devices'
 *     explicit MNs replaced
 * @param plan the devices as they send: the original plan with the MNs the platform knows
 * @param mns each device's MN in the original plan → the MN it sends under
 */
public record SiteAlias(String id, String alias, String text, DevicePlan plan, Map<String, String> mns) {

    public SiteAlias {
        mns = Map.copyOf(mns);
    }

    /** The enterprise ids the site format allows (docs/site-format.md). */
    private static final int MAX_ID = 32;

    /**
     * The alias of a site for one run.
     *
     * @param id the site's enterprise id
     * @param text the site file
     * @param plan its devices as the twin's reader planned them
     * @param tag what makes the run's names unique on the platform: 1–8 of {@code 0-9 a-z A-Z}
     * @throws IllegalArgumentException if the file has no top-level {@code id: <id>} line or the tag is unusable
     */
    public static SiteAlias of(String id, String text, DevicePlan plan, String tag) {
        if (!tag.matches("[0-9A-Za-z]{1,8}")) {
            throw new IllegalArgumentException("a run tag is 1-8 of 0-9 a-z A-Z, got '" + tag + "'");
        }
        String head = id.length() + 1 + tag.length() > MAX_ID ? id.substring(0, MAX_ID - 1 - tag.length()) : id;
        String alias = head + "-" + tag;
        Matcher m = Pattern.compile("(?m)^id:[ \\t]*([\"']?)" + Pattern.quote(id) + "\\1[ \\t]*(#.*)?$")
                .matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("the site file of " + id + " has no top-level line 'id: " + id + "'");
        }
        String renamed = text.substring(0, m.start()) + "id: " + alias + text.substring(m.end());
        Map<String, String> explicit = new LinkedHashMap<>();
        Map<String, String> mns = new LinkedHashMap<>();
        List<DevicePlan.DtuPlan> dtus = new ArrayList<>();
        for (DevicePlan.DtuPlan d : plan.dtus()) {
            String sent = mn(id, alias, d.mn(), explicit);
            mns.put(d.mn(), sent);
            dtus.add(new DevicePlan.DtuPlan(sent, d.pw(), d.meters()));
        }
        List<DevicePlan.CollectorPlan> collectors = new ArrayList<>();
        for (DevicePlan.CollectorPlan c : plan.collectors()) {
            String sent = mn(id, alias, c.mn(), explicit);
            mns.put(c.mn(), sent);
            collectors.add(new DevicePlan.CollectorPlan(sent, c.pw(), c.stackId()));
        }
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            renamed = renamed.replace(e.getKey(), e.getValue()); // explicit MNs in devices:; derived ones are absent
        }
        return new SiteAlias(id, alias, renamed, new DevicePlan(dtus, collectors), mns);
    }

    /**
     * The MN a device sends under on the platform: a derived MN is derived again from the alias (the platform derives
     * it from the registered file the same way); an explicit one is replaced by one made from the alias and it.
     */
    private static String mn(String id, String alias, String mn, Map<String, String> renamed) {
        String derivedHead = DevicePlan.derivedMn(id, 'D', 1).substring(0, 20);
        String out;
        if (mn.startsWith(derivedHead) && (mn.charAt(20) == 'D' || mn.charAt(20) == 'C')) {
            out = DevicePlan.derivedMn(alias, mn.charAt(20), Integer.parseInt(mn.substring(21), 16));
        } else {
            out = (DevicePlan.DERIVED_PREFIX + hex(alias + "/" + mn)).substring(0, 24);
            renamed.put(mn, out);
        }
        return out;
    }

    private static String hex(String s) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
