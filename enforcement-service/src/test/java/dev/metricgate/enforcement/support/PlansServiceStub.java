package dev.metricgate.enforcement.support;

import com.sun.net.httpserver.HttpServer;
import dev.metricgate.contracts.KeyResolution;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for plans-service's internal endpoint {@code GET /internal/v1/key-resolutions/{hash}}:
 * answers the shared {@link KeyResolution} record serialised as JSON (which pins the contract), 404
 * for unknown hashes, and 401 without a bearer token.
 */
public final class PlansServiceStub {

    private static final String PATH = "/internal/v1/key-resolutions/";
    private static PlansServiceStub instance;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, KeyResolution> resolutions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    private PlansServiceStub() {
        server = InternalApiStub.start(PATH, (hash, exchange) -> {
            calls.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            KeyResolution resolution = resolutions.get(hash);
            return resolution == null ? null : json.writeValueAsString(resolution);
        });
    }

    public static synchronized PlansServiceStub get() {
        if (instance == null) {
            instance = new PlansServiceStub();
        }
        return instance;
    }

    public String baseUrl() {
        return InternalApiStub.baseUrl(server);
    }

    public void put(String keyHash, KeyResolution resolution) {
        resolutions.put(keyHash, resolution);
    }

    public int calls(String keyHash) {
        AtomicInteger count = calls.get(keyHash);
        return count == null ? 0 : count.get();
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }
}
