package dev.metricgate.enforcement.adapter.in.grpc;

import dev.metricgate.enforcement.application.CheckAccess;
import dev.metricgate.enforcement.domain.CountersUnavailableException;
import dev.metricgate.enforcement.domain.InvalidApiKeyException;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envoy's {@code envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit}: one request is one
 * check, the same use case as {@code POST /v1/check} (ADR 0021).
 */
public final class RateLimitGrpcService extends RateLimitServiceGrpc.RateLimitServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(RateLimitGrpcService.class);

    private final CheckAccess checkAccess;
    private final RlsResponses responses;

    public RateLimitGrpcService(CheckAccess checkAccess, JsonMapper json) {
        this.checkAccess = checkAccess;
        this.responses = new RlsResponses(json.writer());
    }

    @Override
    public void shouldRateLimit(RateLimitRequest request, StreamObserver<RateLimitResponse> answer) {
        RateLimitResponse response;
        try {
            response =
                    responses.decided(checkAccess.check(RlsRequests.toCommand(request)), request.getDescriptorsCount());
        } catch (InvalidApiKeyException e) {
            response = responses.invalidKey(request.getDescriptorsCount());
        } catch (StatusRuntimeException e) {
            // not one check (RlsRequests): nothing was charged
            answer.onError(e);
            return;
        } catch (CountersUnavailableException e) {
            // a fail-closed plan, or no key resolution: Envoy's failure_mode_deny decides
            answer.onError(Status.UNAVAILABLE
                    .withDescription("limits cannot be checked right now; retry later")
                    .asRuntimeException());
            return;
        } catch (RuntimeException e) {
            log.error("rate limit check failed", e);
            answer.onError(Status.INTERNAL.withDescription("check failed").asRuntimeException());
            return;
        }
        answer.onNext(response);
        answer.onCompleted();
    }
}
