package dev.metricgate.enforcement.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 standing in for another service's internal API: 401 without a bearer
 * token, else the handler's answer. Stubs of the services enforcement calls build on it.
 */
final class InternalApiStub {

    private InternalApiStub() {}

    /** What the stub answers an authenticated request on its path. */
    interface Handler {
        /** @return the JSON body, or {@code null} for 404 (unless the handler answered already) */
        String answer(String rest, HttpExchange exchange) throws Exception;
    }

    static HttpServer start(String path, Handler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(path, exchange -> {
            try (exchange) {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                String body = handler.answer(exchange.getRequestURI().getPath().substring(path.length()), exchange);
                if (body == null) {
                    if (exchange.getResponseCode() == -1) {
                        exchange.sendResponseHeaders(404, -1);
                    }
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        return server;
    }

    static String baseUrl(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
