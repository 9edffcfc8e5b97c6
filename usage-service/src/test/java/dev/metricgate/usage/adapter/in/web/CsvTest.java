package dev.metricgate.usage.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void givenPlainRoute_whenWritingCsv_thenUnchanged() {
        assertThat(UsageController.csv("GET /v1/orders")).isEqualTo("GET /v1/orders");
    }

    @Test
    void givenRouteWithCommaAndQuote_whenWritingCsv_thenQuotedAndEscaped() {
        assertThat(UsageController.csv("GET /a,\"b\"")).isEqualTo("\"GET /a,\"\"b\"\"\"");
    }

    @Test
    void givenRouteStartingLikeAFormula_whenWritingCsv_thenNeutralised() {
        assertThat(UsageController.csv("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }
}
