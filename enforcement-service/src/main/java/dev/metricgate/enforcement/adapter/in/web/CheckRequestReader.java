package dev.metricgate.enforcement.adapter.in.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the body of {@code POST /v1/check} with one reader built up front. The check
 * is the hot path: reading the bytes here skips the per-call converter selection and bean
 * validation of {@code @Valid @RequestBody}, with the same 400 answers.
 */
@Component
class CheckRequestReader {

    private final ObjectReader reader;

    CheckRequestReader(JsonMapper json) {
        this.reader = json.readerFor(CheckRequest.class);
    }

    /** @throws InvalidCheckRequestException when the body is not JSON or a field is out of range */
    CheckRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            return CheckRequest.DEFAULTS;
        }
        CheckRequest request;
        try {
            request = reader.readValue(body);
        } catch (JacksonException e) {
            throw new InvalidCheckRequestException(e);
        }
        if (request == null) {
            return CheckRequest.DEFAULTS;
        }
        var errors = request.errors();
        if (!errors.isEmpty()) {
            throw new InvalidCheckRequestException(errors);
        }
        return request;
    }
}
