package dev.metricgate.enforcement.adapter.in.grpc;

import dev.metricgate.enforcement.application.CheckCommand;
import io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Reads Envoy's {@code RateLimitRequest} as one check (ADR 0021): domain {@value #DOMAIN}; the
 * descriptors' {@value #API_KEY} entry is the key, their {@value #ROUTE} entry the route (default
 * {@code *}); the cost is a descriptor's {@code hits_addend}, else the request's, 0 meaning 1.
 * Descriptors that name different keys, routes or costs are not one call: {@code INVALID_ARGUMENT}.
 */
final class RlsRequests {

    static final String DOMAIN = "metricgate";
    static final String API_KEY = "api_key";
    static final String ROUTE = "route";

    private RlsRequests() {}

    /**
     * @return the check, with a {@code null} key when no descriptor names one (an invalid key)
     * @throws StatusRuntimeException {@code INVALID_ARGUMENT} when the request is not one check
     */
    static CheckCommand toCommand(RateLimitRequest request) {
        if (!DOMAIN.equals(request.getDomain())) {
            throw invalid("domain must be \"" + DOMAIN + "\", was \"" + request.getDomain() + "\"");
        }
        if (request.getDescriptorsCount() == 0) {
            throw invalid("at least one descriptor is needed");
        }
        String apiKey = null;
        String route = null;
        long cost = request.getHitsAddend();
        boolean descriptorCost = false;
        for (RateLimitDescriptor descriptor : request.getDescriptorsList()) {
            for (RateLimitDescriptor.Entry entry : descriptor.getEntriesList()) {
                switch (entry.getKey()) {
                    case API_KEY -> apiKey = same(API_KEY, apiKey, entry.getValue());
                    case ROUTE -> route = same(ROUTE, route, entry.getValue());
                    default -> {
                        // other entries (Envoy's generic_key, remote_address, ...) do not change the check
                    }
                }
            }
            if (descriptor.hasHitsAddend()) {
                long addend = descriptor.getHitsAddend().getValue();
                if (descriptorCost && addend != cost) {
                    throw invalid("descriptors give different hits_addend values");
                }
                cost = addend;
                descriptorCost = true;
            }
        }
        if (route != null) {
            String problem = CheckCommand.routeProblem(route);
            if (problem != null) {
                throw invalid("route " + problem);
            }
        }
        long charged = cost == 0 ? 1 : cost;
        String problem = CheckCommand.costProblem(charged);
        if (problem != null) {
            throw invalid("hits_addend " + problem);
        }
        return new CheckCommand(
                apiKey, route == null ? CheckCommand.ANY_ROUTE : route, (int) charged, CheckCommand.Protocol.GRPC);
    }

    private static String same(String key, String seen, String value) {
        if (seen != null && !seen.equals(value)) {
            throw invalid("descriptors name different " + key + " values");
        }
        return value;
    }

    private static StatusRuntimeException invalid(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }
}
