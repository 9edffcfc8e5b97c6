package dev.metricgate.plans.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metricgate.plans.PlansServiceITBase;
import dev.metricgate.plans.application.port.out.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;

/** Changes hold the change lock and are retried after deadlocks and serialization failures. */
class SpringTransactionsIT extends PlansServiceITBase {

    @Autowired
    Transactions transactions;

    @Test
    void givenDeadlockOnFirstAttempt_whenWriting_thenRetriedAndCommitted() {
        AtomicInteger attempts = new AtomicInteger();

        String result = transactions.write(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("deadlock detected");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void givenPersistentLockFailure_whenWriting_thenGivesUpAfterFiveAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.write(() -> {
                    attempts.incrementAndGet();
                    throw new PessimisticLockingFailureException("could not serialize access");
                }))
                .isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(attempts).hasValue(5);
    }

    @Test
    void givenWrite_whenRunning_thenItHoldsTheChangeLock() {
        Long held = transactions.write(() -> jdbc.queryForObject(
                "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted",
                Long.class));

        assertThat(held).isEqualTo(1);
    }
}
