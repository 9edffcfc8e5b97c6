package dev.metricgate.kit.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems with a stable {@code code}, a {@code type} URI derived from it, and the W3C trace
 * id of the request, so a user's report of an error leads straight to its trace and log lines.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://metricgate.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('.', '/')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        addTraceId(problem);
        return problem;
    }

    /** Adds the current trace id (Micrometer Tracing puts it in the MDC) unless the problem has one. */
    public static void addTraceId(ProblemDetail problem) {
        String traceId = MDC.get("traceId");
        if (traceId != null
                && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
            problem.setProperty("traceId", traceId);
        }
    }

    /**
     * The problem as its JSON document: the RFC 9457 members with the extension members beside them,
     * for writers outside Spring MVC's message converters.
     */
    public static Map<String, Object> document(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
