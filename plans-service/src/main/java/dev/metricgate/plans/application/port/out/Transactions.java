package dev.metricgate.plans.application.port.out;

import java.util.function.Supplier;

/** The transaction boundary of the use cases. */
public interface Transactions {

    /**
     * Runs a change in one transaction, serialised with every other change to tenants, plans and
     * keys (so hierarchy checks see a stable tree and outbox ids follow commit order), retried on
     * deadlock or serialization failure.
     */
    <T> T write(Supplier<T> work);

    <T> T read(Supplier<T> work);
}
