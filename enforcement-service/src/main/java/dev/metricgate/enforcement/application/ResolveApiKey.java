package dev.metricgate.enforcement.application;

import dev.metricgate.contracts.ApiKeyHash;
import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.enforcement.application.port.out.EnforcementMetrics;
import dev.metricgate.enforcement.application.port.out.EnforcementMetrics.CacheLevel;
import dev.metricgate.enforcement.application.port.out.KeyDirectory;
import dev.metricgate.enforcement.application.port.out.KeyDirectoryUnavailableException;
import dev.metricgate.enforcement.application.port.out.LocalResolutionCache;
import dev.metricgate.enforcement.application.port.out.SharedResolutionCache;
import dev.metricgate.enforcement.domain.CountersUnavailableException;
import dev.metricgate.enforcement.domain.InvalidApiKeyException;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.ResolvedKey;
import java.util.Optional;

/**
 * Resolves a presented key: in-process cache, then the shared Redis cache, then plans-service. A
 * burst of misses for one key makes one lookup (single flight); unknown keys are cached briefly.
 */
public final class ResolveApiKey {

    /** Longest key accepted before hashing; real keys are far shorter. */
    static final int MAX_KEY_LENGTH = 200;

    private final LocalResolutionCache local;
    private final SharedResolutionCache shared;
    private final KeyDirectory directory;
    private final EnforcementMetrics metrics;
    private final SingleFlight<String, ResolvedKey> loads = new SingleFlight<>();

    public ResolveApiKey(
            LocalResolutionCache local,
            SharedResolutionCache shared,
            KeyDirectory directory,
            EnforcementMetrics metrics) {
        this.local = local;
        this.shared = shared;
        this.directory = directory;
        this.metrics = metrics;
    }

    /**
     * @throws InvalidApiKeyException for a missing, malformed or unknown key
     * @throws CountersUnavailableException when plans-service cannot be asked
     */
    public KeyGrant resolve(String presentedKey) {
        if (!wellFormed(presentedKey)) {
            throw new InvalidApiKeyException();
        }
        String hash = ApiKeyHash.of(presentedKey);
        ResolvedKey cached = local.get(hash);
        metrics.cacheLookup(CacheLevel.LOCAL, cached != null);
        ResolvedKey resolved = cached != null ? cached : loadOnce(hash);
        if (!resolved.known()) {
            throw new InvalidApiKeyException();
        }
        return resolved.grant();
    }

    private ResolvedKey loadOnce(String hash) {
        return loads.get(hash, () -> {
            ResolvedKey loaded = load(hash);
            local.put(hash, loaded);
            return loaded;
        });
    }

    private ResolvedKey load(String hash) {
        Optional<KeyResolution> fromRedis = shared.get(hash);
        metrics.cacheLookup(CacheLevel.REDIS, fromRedis.isPresent());
        if (fromRedis.isPresent()) {
            return new ResolvedKey(KeyGrants.from(fromRedis.get()));
        }
        Optional<KeyResolution> fromDirectory;
        try {
            fromDirectory = directory.find(hash);
        } catch (KeyDirectoryUnavailableException e) {
            throw new CountersUnavailableException("key directory unavailable", 1);
        }
        metrics.cacheLookup(CacheLevel.DIRECTORY, fromDirectory.isPresent());
        if (fromDirectory.isEmpty() || fromDirectory.get().chain().isEmpty()) {
            return ResolvedKey.UNKNOWN;
        }
        shared.put(hash, fromDirectory.get());
        return new ResolvedKey(KeyGrants.from(fromDirectory.get()));
    }

    private static boolean wellFormed(String key) {
        if (key == null || key.length() <= ApiKeyHash.PREFIX.length() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        if (!key.startsWith(ApiKeyHash.PREFIX)) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
