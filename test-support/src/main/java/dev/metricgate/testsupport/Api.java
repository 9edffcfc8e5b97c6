package dev.metricgate.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for the system's public APIs, used the way a platform team would use them. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Api() {}

    public static String token(String keycloakBaseUrl, String username, String password) {
        String form = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "metricgate-cli",
                        "username",
                        username,
                        "password",
                        password)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var response = send(
                HttpRequest.newBuilder(URI.create(keycloakBaseUrl + "/realms/metricgate/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.status() != 200) {
            throw new IllegalStateException(
                    "token: " + response.status() + " " + response.raw().body());
        }
        return response.json().get("access_token").asString();
    }

    public static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    public static Response get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token));
    }

    public static Response post(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Response patch(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Response delete(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    }

    public static Response check(String enforcementBaseUrl, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(enforcementBaseUrl + "/v1/check"))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"route\":\"GET /orders\",\"cost\":1}")));
    }

    public static Response checkCost(String enforcementBaseUrl, String apiKey, int cost) {
        return send(HttpRequest.newBuilder(URI.create(enforcementBaseUrl + "/v1/check"))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cost\":" + cost + "}")));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            var response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
