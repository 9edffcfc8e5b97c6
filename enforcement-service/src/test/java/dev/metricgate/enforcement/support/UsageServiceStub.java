package dev.metricgate.enforcement.support;

import com.sun.net.httpserver.HttpServer;
import dev.metricgate.contracts.ChargedUsage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for usage-service's internal endpoint {@code GET /internal/v1/tenants/{id}/charged}
 * (quota rebuilds, ADR 0019): answers the shared {@link ChargedUsage} record as JSON with the cost a
 * test recorded for the tenant (0 when none), and 401 without a bearer token. The real endpoint is
 * tested in usage-service and end to end in system-tests.
 */
public final class UsageServiceStub {

    private static final String PATH = "/internal/v1/tenants/";
    private static UsageServiceStub instance;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, Long> charged = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;

    private UsageServiceStub() {
        server = InternalApiStub.start(PATH, (rest, exchange) -> {
            calls.incrementAndGet();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return null;
            }
            UUID tenant = UUID.fromString(rest.substring(0, rest.indexOf('/')));
            Map<String, String> query = new ConcurrentHashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts[1]);
            }
            return json.writeValueAsString(new ChargedUsage(
                    tenant,
                    Instant.parse(query.get("from")),
                    Instant.parse(query.get("to")),
                    charged.getOrDefault(tenant, 0L)));
        });
    }

    public static synchronized UsageServiceStub get() {
        if (instance == null) {
            instance = new UsageServiceStub();
        }
        return instance;
    }

    public String baseUrl() {
        return InternalApiStub.baseUrl(server);
    }

    /** What usage-service answers as charged to the tenant's subtree in any period. */
    public void charged(UUID tenant, long cost) {
        charged.put(tenant, cost);
    }

    public int calls() {
        return calls.get();
    }

    /** Whether the stub answers 503, as a usage-service that is down or failing. */
    public void down(boolean down) {
        this.down = down;
    }
}
