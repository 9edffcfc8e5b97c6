package dev.metricgate.enforcement.support;

import com.sun.net.httpserver.HttpServer;
import dev.metricgate.contracts.KeyResolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, exchange -> {
            try (exchange) {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                String hash = exchange.getRequestURI().getPath().substring(PATH.length());
                calls.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                KeyResolution resolution = resolutions.get(hash);
                if (resolution == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = json.writeValueAsString(resolution).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public static synchronized PlansServiceStub get() {
        if (instance == null) {
            instance = new PlansServiceStub();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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
