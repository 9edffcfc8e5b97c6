package dev.metricgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.Api;
import org.junit.jupiter.api.Test;

class DashboardMetricsTest {

    @Test
    void referencedMetrics_areTheSeriesNames_notFunctionsLabelsOrStrings() {
        var dashboard = Api.JSON.readTree("""
                {"panels":[{"targets":[
                  {"expr":"sum by (outcome) (rate(metricgate_decisions_total{policy=\\"rate\\"}[1m]))"},
                  {"expr":"histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{uri=\\"/v1/check\\"}[1m])))"},
                  {"expr":"sum(metricgate_usage_backlog)"}]}]}
                """);

        assertThat(DashboardMetrics.referencedMetrics(dashboard))
                .containsExactly(
                        "http_server_requests_seconds_bucket",
                        "metricgate_decisions_total",
                        "metricgate_usage_backlog");
    }

    @Test
    void exported_readsNamesFromPrometheusText() {
        String scrape = """
                # HELP metricgate_decisions_total Check decisions
                # TYPE metricgate_decisions_total counter
                metricgate_decisions_total{outcome="allowed"} 5.0
                jvm_threads_live_threads 20.0
                """;

        assertThat(DashboardMetrics.exported(scrape))
                .containsExactly("jvm_threads_live_threads", "metricgate_decisions_total");
    }

    @Test
    void shippedDashboard_isValidJsonWithPrometheusPanels() throws Exception {
        var dashboard = DashboardMetrics.dashboard();

        assertThat(dashboard.get("uid").asString()).isEqualTo("metricgate");
        for (var panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
            assertThat(panel.get("targets")).isNotEmpty();
        }
    }
}
