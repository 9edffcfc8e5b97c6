package dev.metricgate.usage.application.port.out;

import java.util.function.Supplier;

/** The transaction boundary of a use case. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /** A read-only transaction; also lets the database stream large results with a cursor. */
    <T> T readOnly(Supplier<T> work);
}
