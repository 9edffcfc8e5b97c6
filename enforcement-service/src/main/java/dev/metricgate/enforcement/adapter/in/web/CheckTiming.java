package dev.metricgate.enforcement.adapter.in.web;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Times the checks the caller does not trace (ADR 0020). Such a check gets no HTTP server
 * observation — no span, no trace context, no long-task timer, which together were a third of the
 * service's CPU per check — and this filter records it in the same {@code http.server.requests}
 * timer, with the tags the observation gives a check, so dashboards and alerts count every check. A
 * check that carries W3C trace context ({@code traceparent}) is observed like any request and
 * continues the caller's trace.
 */
public final class CheckTiming implements Filter {

    public static final String PATH = "/v1/check";
    static final String TIMER = "http.server.requests";
    private static final String TRACEPARENT = "traceparent";

    private final MeterRegistry registry;
    private final ConcurrentMap<Integer, Timer> byStatus = new ConcurrentHashMap<>();

    public CheckTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The HTTP server observations to make: all but those of the checks this filter times. */
    public static ObservationPredicate observesAllButUntracedChecks() {
        return (name, context) ->
                !(context instanceof ServerRequestObservationContext server && timesItself(server.getCarrier()));
    }

    static boolean timesItself(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PATH.equals(request.getRequestURI())
                && request.getHeader(TRACEPARENT) == null;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !timesItself(http)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // as the observation filter does: the container answers 500 for what escapes
            timer(500, unwrap(e).getClass().getSimpleName()).record(System.nanoTime() - start, NANOSECONDS);
            throw e;
        }
        int status = ((HttpServletResponse) response).getStatus();
        byStatus.computeIfAbsent(status, s -> timer(s, "none")).record(System.nanoTime() - start, NANOSECONDS);
    }

    /** The tags {@code DefaultServerRequestObservationConvention} and the meter handler give a check. */
    private Timer timer(int status, String exception) {
        return Timer.builder(TIMER)
                .tags(Tags.of(
                        "error",
                        exception,
                        "exception",
                        exception,
                        "method",
                        "POST",
                        "outcome",
                        outcome(status),
                        "status",
                        Integer.toString(status),
                        "uri",
                        PATH))
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
    }
}
