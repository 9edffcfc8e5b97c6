package dev.metricgate.client;

/**
 * The RFC 9457 problem enforcement-service answered with (401, 429, 503).
 *
 * @param code the service's stable code: {@code invalid_api_key}, {@code rate_limited}, {@code
 *     quota_exceeded} or {@code enforcement_unavailable}
 */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String INVALID_API_KEY = "invalid_api_key";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    public static final String ENFORCEMENT_UNAVAILABLE = "enforcement_unavailable";

    static final String TYPE_BASE = "https://metricgate.dev/problems/";

    static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, code);
    }
}
