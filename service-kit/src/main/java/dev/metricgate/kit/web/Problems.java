package dev.metricgate.kit.web;

import java.net.URI;
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
}
