package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.enforcement.domain.LimitCheck;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Key names. Every counter of one tenant tree carries the root tenant as hash tag, so the charge
 * script's keys live in one slot on Redis Cluster.
 */
final class RedisKeys {

    private RedisKeys() {}

    static String bucket(UUID root, UUID tenant) {
        return treePrefix(root) + "b:" + tenant;
    }

    static String routeBucket(UUID root, UUID tenant, String route) {
        return treePrefix(root) + "r:" + tenant + ":" + route;
    }

    static String quota(UUID root, UUID tenant, String periodId) {
        return treePrefix(root) + "q:" + tenant + ":" + periodId;
    }

    /**
     * The tenant's seed marker: set once its quota counters were rebuilt from usage-service (or
     * found to need nothing), kept for good, so a missing counter without it is one Redis lost
     * (ADR 0019). It moves with the tenant's counters.
     */
    static String seedMarker(UUID root, UUID tenant) {
        return treePrefix(root) + "s:" + tenant;
    }

    /** What every counter key of the tree of {@code root} starts with. */
    static String treePrefix(UUID root) {
        return "mg:{" + root + "}:";
    }

    /**
     * The tenant a counter key of the tree of {@code root} belongs to ({@code <kind>:<tenant>...}
     * after the prefix), or {@code null} for a key that is no tenant's counter.
     */
    static UUID counterTenant(String key, UUID root) {
        int start = treePrefix(root).length() + 2;
        if (!key.startsWith(treePrefix(root)) || key.length() < start + 36 || key.charAt(start - 1) != ':') {
            return null;
        }
        try {
            return UUID.fromString(key.substring(start, start + 36));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether a key of the tree of {@code root} holds a count (a quota counter or a seed marker)
     * rather than a bucket's state: counts of the same key add up when a subtree moves.
     */
    static boolean isCount(String key, UUID root) {
        char kind = key.charAt(treePrefix(root).length());
        return kind == 'q' || kind == 's';
    }

    /** The same counter under another root's hash tag. */
    static String retagged(String key, UUID from, UUID to) {
        return treePrefix(to) + key.substring(treePrefix(from).length());
    }

    /** The usage stream of a standalone or Sentinel Redis: every call writes to it (ADR 0018). */
    static final String USAGE_STREAM = "mg:usage";

    /** What the usage streams' names match, for the relay's sweep. */
    static final String USAGE_STREAM_PATTERN = "mg:*usage";

    /**
     * The usage stream of one Redis Cluster slot: a call may only touch keys of one slot, so every
     * slot that holds counters has its own stream, named with a hash tag of that slot.
     */
    static String usageStream(int slot) {
        return "mg:{" + SlotTags.TAGS[slot] + "}:usage";
    }

    /** For every Cluster slot, a short hash tag that maps to it. */
    private static final class SlotTags {
        static final String[] TAGS = new String[SlotHash.SLOT_COUNT];

        static {
            int missing = TAGS.length;
            for (int i = 0; missing > 0; i++) {
                String tag = Integer.toString(i, 36);
                int slot = SlotHash.getSlot(tag);
                if (TAGS[slot] == null) {
                    TAGS[slot] = tag;
                    missing--;
                }
            }
        }
    }

    static String resolution(String keyHash) {
        return "mg:kr:" + keyHash;
    }

    static String tenantTag(UUID tenant) {
        return "mg:tag:" + tenant;
    }

    static final String EVICTIONS_CHANNEL = "mg:evictions";

    /**
     * The keys of one check, in the order the charge script reads them: a bucket's key, or a quota's
     * counters of the current and the next billing period and its tenant's seed marker.
     */
    static byte[][] forCheck(UUID root, LimitCheck check) {
        UUID tenant = check.tenant().tenantId();
        return switch (check.policy()) {
            case RATE -> new byte[][] {utf8(bucket(root, tenant))};
            case ROUTE -> new byte[][] {utf8(routeBucket(root, tenant, check.route()))};
            case QUOTA ->
                new byte[][] {
                    utf8(quota(root, tenant, check.period().id())),
                    utf8(quota(root, tenant, check.period().nextId())),
                    utf8(seedMarker(root, tenant))
                };
        };
    }

    static byte[] utf8(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
