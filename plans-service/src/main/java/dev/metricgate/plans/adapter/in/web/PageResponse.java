package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.application.Page;
import java.util.List;
import java.util.function.Function;

record PageResponse<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(
                page.items().stream().map(mapper).toList(),
                page.page(),
                page.size(),
                page.totalElements(),
                page.totalPages());
    }
}
