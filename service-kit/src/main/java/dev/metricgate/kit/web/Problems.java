package dev.metricgate.kit.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems with a stable {@code code} and a {@code type} URI derived from it. */
public final class Problems {

    public static final String TYPE_BASE = "https://metricgate.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('.', '/')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
