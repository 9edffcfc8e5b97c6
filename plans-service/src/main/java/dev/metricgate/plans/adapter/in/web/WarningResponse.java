package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.domain.Warning;
import java.util.List;

record WarningResponse(String code, String detail) {

    static List<WarningResponse> of(List<Warning> warnings) {
        return warnings.stream()
                .map(w -> new WarningResponse(w.code(), w.detail()))
                .toList();
    }
}
