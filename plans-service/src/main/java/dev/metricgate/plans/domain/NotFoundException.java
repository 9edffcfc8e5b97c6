package dev.metricgate.plans.domain;

/** The resource does not exist, or the caller may not know that it exists (answered as 404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    public static NotFoundException tenant(Object id) {
        return new NotFoundException("tenant.not_found", "Tenant " + id + " does not exist.");
    }

    public static NotFoundException plan(Object id) {
        return new NotFoundException("plan.not_found", "Plan " + id + " does not exist.");
    }

    public static NotFoundException apiKey(Object id) {
        return new NotFoundException("api_key.not_found", "API key " + id + " does not exist.");
    }
}
