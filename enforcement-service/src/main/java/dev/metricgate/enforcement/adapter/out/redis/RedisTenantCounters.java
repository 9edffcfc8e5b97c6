package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.enforcement.application.port.out.TenantCounters;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Moves a subtree's counters from one tree's hash tag to another's (ADR 0016). The two tags may
 * live on different Cluster nodes, so each counter moves on its own, with single-key scripts: one
 * takes it off the old key (value, lifetime, delete), one merges it into the new key. The old
 * tree's keys are found with SCAN on the node that owns its tag: route buckets carry the route in
 * their name, and the charge script keeps no index of them.
 */
@Component
class RedisTenantCounters implements TenantCounters {

    private static final Logger log = LoggerFactory.getLogger(RedisTenantCounters.class);
    private static final int SCAN_BATCH = 1000;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = LuaScripts.load("take-counter.lua", List.class);

    private static final RedisScript<Long> MERGE_QUOTA = LuaScripts.load("merge-quota.lua", Long.class);
    private static final RedisScript<Long> MERGE_BUCKET = LuaScripts.load("merge-bucket.lua", Long.class);

    private final StringRedisTemplate redis;

    RedisTenantCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public int move(UUID fromRoot, UUID toRoot, Collection<UUID> tenants) {
        Set<UUID> moving = Set.copyOf(tenants);
        int moved = 0;
        for (String key : countersOf(fromRoot, moving)) {
            List<?> taken = redis.execute(TAKE, List.of(key));
            if (taken == null || taken.size() < 2) {
                // gone meanwhile: expired, or taken by another delivery of the same move
                continue;
            }
            String value = String.valueOf(taken.get(0));
            String ttl = String.valueOf(taken.get(1));
            String target = RedisKeys.retagged(key, fromRoot, toRoot);
            redis.execute(RedisKeys.isCount(key, fromRoot) ? MERGE_QUOTA : MERGE_BUCKET, List.of(target), value, ttl);
            moved++;
        }
        log.info(
                "Moved {} counters of {} tenants from the tree of {} to the tree of {}",
                moved,
                moving.size(),
                fromRoot,
                toRoot);
        return moved;
    }

    /** The counter keys of {@code tenants} under {@code root}'s tag, each once. */
    private Set<String> countersOf(UUID root, Set<UUID> tenants) {
        String prefix = RedisKeys.treePrefix(root);
        ScanOptions options =
                ScanOptions.scanOptions().match(prefix + "*").count(SCAN_BATCH).build();
        Set<String> keys = new LinkedHashSet<>();
        redis.execute((RedisCallback<Void>) connection -> {
            try (Cursor<byte[]> cursor = connection instanceof RedisClusterConnection cluster
                    // one tag, one slot: only the node that owns it holds the tree's keys
                    ? cluster.scan(cluster.clusterGetNodeForKey(bytes(prefix)), options)
                    : connection.keyCommands().scan(options)) {
                while (cursor.hasNext()) {
                    String key = new String(cursor.next(), StandardCharsets.UTF_8);
                    UUID tenant = RedisKeys.counterTenant(key, root);
                    if (tenant != null && tenants.contains(tenant)) {
                        keys.add(key);
                    }
                }
            }
            return null;
        });
        return keys;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
