package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.contracts.QuotaAlertEvent;
import dev.metricgate.usage.adapter.in.web.UsageResponses.SummaryResponse;
import dev.metricgate.usage.adapter.in.web.UsageResponses.TimeSeriesResponse;
import dev.metricgate.usage.application.ExportUsage;
import dev.metricgate.usage.application.ListQuotaAlerts;
import dev.metricgate.usage.application.QueryUsageTimeSeries;
import dev.metricgate.usage.application.QuotaAlertEvents;
import dev.metricgate.usage.application.SummarizeUsage;
import dev.metricgate.usage.domain.ExportRow;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.GroupBy;
import dev.metricgate.usage.domain.InvalidQueryException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Usage reports of a tenant, for platform admins and for admins and viewers of its subtree. */
@RestController
@RequestMapping("/v1/usage/tenants/{id}")
class UsageController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String CSV_HEADER =
            "bucket,tenant_id,api_key_id,route,allowed,denied,shadow_denied,cost,denied_cost\n";

    private final QueryUsageTimeSeries queryUsageTimeSeries;
    private final SummarizeUsage summarizeUsage;
    private final ExportUsage exportUsage;
    private final ListQuotaAlerts listQuotaAlerts;

    UsageController(
            QueryUsageTimeSeries queryUsageTimeSeries,
            SummarizeUsage summarizeUsage,
            ExportUsage exportUsage,
            ListQuotaAlerts listQuotaAlerts) {
        this.queryUsageTimeSeries = queryUsageTimeSeries;
        this.summarizeUsage = summarizeUsage;
        this.exportUsage = exportUsage;
        this.listQuotaAlerts = listQuotaAlerts;
    }

    /**
     * Allowed, denied, shadow-denied counts and cost per bucket. MINUTE and HOUR buckets are
     * UTC-aligned; DAY buckets start at midnight in {@code timeZone} (default: the tenant's).
     */
    @GetMapping
    TimeSeriesResponse timeSeries(
            JwtAuthenticationToken authentication,
            @PathVariable UUID id,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "HOUR") Granularity granularity,
            @RequestParam(required = false) GroupBy groupBy,
            @RequestParam(defaultValue = "false") boolean includeDescendants,
            @RequestParam(required = false) String timeZone) {
        var query = new QueryUsageTimeSeries.Query(id, from, to, granularity, groupBy, includeDescendants, timeZone);
        return TimeSeriesResponse.of(queryUsageTimeSeries.query(Callers.of(authentication), query));
    }

    /** The current or previous billing period of the tenant, its whole subtree included. */
    @GetMapping("/summary")
    SummaryResponse summary(
            JwtAuthenticationToken authentication,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "current") String period) {
        return SummaryResponse.of(summarizeUsage.summarize(Callers.of(authentication), id, period(period)));
    }

    /**
     * The quota alerts raised for the tenant (80 % and 100 % of a period's quota), newest first, as
     * the events published on {@code metricgate.quota-alerts.v1}.
     */
    @GetMapping("/alerts")
    List<QuotaAlertEvent> alerts(JwtAuthenticationToken authentication, @PathVariable UUID id) {
        return listQuotaAlerts.list(Callers.of(authentication), id).stream()
                .map(QuotaAlertEvents::of)
                .toList();
    }

    /** The rollup rows as CSV, streamed from a database cursor straight to the response. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            JwtAuthenticationToken authentication,
            @PathVariable UUID id,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "HOUR") Granularity granularity,
            @RequestParam(defaultValue = "false") boolean includeDescendants) {
        var query = new ExportUsage.Query(id, from, to, granularity, includeDescendants);
        ExportUsage.Export export = exportUsage.prepare(Callers.of(authentication), query);
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(CSV_HEADER);
            export.writeTo(row -> writeRow(writer, row));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"usage-" + id + "-"
                                + granularity.name().toLowerCase() + ".csv\"")
                .body(body);
    }

    private static SummarizeUsage.Period period(String value) {
        return switch (value.toLowerCase()) {
            case "current" -> SummarizeUsage.Period.CURRENT;
            case "previous" -> SummarizeUsage.Period.PREVIOUS;
            default -> throw new InvalidQueryException(Map.of("period", "must be current or previous"));
        };
    }

    private static void writeRow(Writer writer, ExportRow row) {
        var counts = row.counts();
        try {
            writer.write(row.bucket().toString());
            writer.write(',');
            writer.write(row.tenantId().toString());
            writer.write(',');
            writer.write(row.apiKeyId() == null ? "" : row.apiKeyId().toString());
            writer.write(',');
            writer.write(csv(row.route()));
            writer.write(',');
            writer.write(counts.allowed() + "," + counts.denied() + "," + counts.shadowDenied() + "," + counts.cost()
                    + "," + counts.deniedCost() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting, and a leading quote for values a spreadsheet would run as a formula. */
    static String csv(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
