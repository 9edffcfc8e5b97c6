package dev.metricgate.plans.application;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, int page, int size, long totalElements) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalElements);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }
}
