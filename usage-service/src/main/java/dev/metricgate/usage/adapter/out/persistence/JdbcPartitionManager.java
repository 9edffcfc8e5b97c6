package dev.metricgate.usage.adapter.out.persistence;

import dev.metricgate.usage.application.port.out.PartitionManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily partitions {@code usage_events_pYYYYMMDD} of the raw event table. Known partitions are
 * cached so ingest issues DDL only for a day it has never seen; DDL runs under an advisory lock so
 * concurrent consumers never race to create the same partition.
 */
@Repository
class JdbcPartitionManager implements PartitionManager {

    private static final long DDL_LOCK = 0x6d67_7573_6167_6502L;
    private static final String PREFIX = "usage_events_p";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    JdbcPartitionManager(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void ensureDays(LocalDate first, LocalDate last) {
        loadOnce();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!known.contains(day)) {
                create(day);
            }
        }
    }

    @Override
    public List<LocalDate> dropBefore(LocalDate cutoff) {
        List<LocalDate> dropped = new ArrayList<>();
        for (LocalDate day : existing()) {
            if (day.isBefore(cutoff)) {
                transactions.executeWithoutResult(status -> {
                    jdbc.queryForObject("select 1 from pg_advisory_xact_lock(" + DDL_LOCK + ")", Integer.class);
                    jdbc.execute("drop table if exists " + name(day));
                });
                known.remove(day);
                dropped.add(day);
            }
        }
        return dropped;
    }

    private void create(LocalDate day) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select 1 from pg_advisory_xact_lock(" + DDL_LOCK + ")", Integer.class);
            jdbc.execute("create table if not exists " + name(day) + " partition of usage_events for values from ('"
                    + day + " 00:00:00+00') to ('" + day.plusDays(1) + " 00:00:00+00')");
        });
        known.add(day);
    }

    private void loadOnce() {
        if (!loaded) {
            known.addAll(existing());
            loaded = true;
        }
    }

    private List<LocalDate> existing() {
        return jdbc
                .queryForList(
                        "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                                + " join pg_class p on p.oid = i.inhparent where p.relname = 'usage_events'",
                        String.class)
                .stream()
                .filter(name -> name.startsWith(PREFIX))
                .map(name -> LocalDate.parse(name.substring(PREFIX.length()), SUFFIX))
                .toList();
    }

    private static String name(LocalDate day) {
        return PREFIX + day.format(SUFFIX);
    }
}
