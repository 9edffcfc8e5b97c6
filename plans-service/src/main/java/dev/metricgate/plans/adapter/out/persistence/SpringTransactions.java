package dev.metricgate.plans.adapter.out.persistence;

import dev.metricgate.plans.application.port.out.Transactions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use-case transactions. Every change first takes one transaction-scoped advisory lock, so
 * hierarchy checks (depth, cycles, ceilings) always run against a tree no one else is changing, and
 * outbox ids are allocated in commit order. Deadlocks and serialization failures are retried.
 */
@Component
class SpringTransactions implements Transactions {

    /** Key of the advisory lock that serialises changes to tenants, plans and keys. */
    static final long CHANGE_LOCK = 0x6d67_706c_616e_7301L;

    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(SpringTransactions.class);

    private final TransactionTemplate writeTemplate;
    private final TransactionTemplate readTemplate;
    private final JdbcTemplate jdbc;

    SpringTransactions(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.writeTemplate = new TransactionTemplate(transactionManager);
        this.readTemplate = new TransactionTemplate(transactionManager);
        this.readTemplate.setReadOnly(true);
        this.jdbc = jdbc;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeTemplate.execute(status -> {
                    jdbc.queryForList("select pg_advisory_xact_lock(?)", CHANGE_LOCK);
                    return work.get();
                });
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.warn("Retrying a change after a concurrency failure (attempt {})", attempt);
            }
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return readTemplate.execute(status -> work.get());
    }
}
