package io.pollwatt.twin.site;

/**
 * 关联关系: production point {@code productionId} needs treatment group {@code groupId} while it runs (many-to-many;
 * a production point needs all its groups, a group is needed while any of its production points runs).
 *
 * @param productionId a PROD point
 * @param groupId a treatment group
 */
public record Association(String productionId, String groupId) {
    public Association {
        Ids.check(productionId, "production point of an association");
        Ids.check(groupId, "group of an association");
    }
}
