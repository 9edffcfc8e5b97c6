package dev.metricgate.system;

import dev.metricgate.testsupport.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the metric names the Grafana dashboard's PromQL queries use. */
final class DashboardMetrics {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "metricgate.json")
            .toAbsolutePath()
            .normalize();

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of(
            "sum",
            "max",
            "min",
            "avg",
            "count",
            "by",
            "without",
            "rate",
            "irate",
            "increase",
            "histogram_quantile",
            "and",
            "or",
            "unless",
            "on",
            "ignoring",
            "offset");

    private DashboardMetrics() {}

    static JsonNode dashboard() throws IOException {
        return Api.JSON.readTree(Files.readString(DASHBOARD));
    }

    static Set<String> referencedMetrics(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr")
                        .asString()
                        .replaceAll("\\{[^}]*}", " ")
                        .replaceAll("\\[[^]]*]", " ")
                        .replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                        .replaceAll("\"[^\"]*\"", " ");
                Matcher identifiers = IDENTIFIER.matcher(expr);
                while (identifiers.find()) {
                    String word = identifiers.group();
                    if (!PROMQL_WORDS.contains(word) && !word.matches("\\d.*")) {
                        names.add(word);
                    }
                }
            }
        }
        return names;
    }

    /** Metric names in a Prometheus text exposition. */
    static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher name = IDENTIFIER.matcher(line);
                if (name.lookingAt()) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }
}
