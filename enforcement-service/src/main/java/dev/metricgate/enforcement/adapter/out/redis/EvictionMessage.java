package dev.metricgate.enforcement.adapter.out.redis;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Pub/Sub payload of an eviction: {@code hash,hash|tenant,tenant}. Key hashes are base64url,
 * so they never contain the separators.
 */
record EvictionMessage(List<String> keyHashes, List<UUID> tenantIds) {

    String encode() {
        return String.join(",", keyHashes) + "|"
                + tenantIds.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static EvictionMessage decode(String payload) {
        int bar = payload.indexOf('|');
        String hashes = bar < 0 ? payload : payload.substring(0, bar);
        String tenants = bar < 0 ? "" : payload.substring(bar + 1);
        return new EvictionMessage(
                split(hashes), split(tenants).stream().map(UUID::fromString).toList());
    }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    static EvictionMessage of(Collection<String> keyHashes, Collection<UUID> tenantIds) {
        return new EvictionMessage(List.copyOf(keyHashes), List.copyOf(tenantIds));
    }
}
