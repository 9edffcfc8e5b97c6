package dev.metricgate.enforcement.adapter.out.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The charge script's connections: each check borrows one, runs its script on its own thread and
 * gives it back. At most {@code max} are open; a caller that finds none free waits at most the
 * command timeout. Idle connections are reused most recently returned first, so a quiet service
 * keeps few of them warm, and one idle for longer than {@code maxIdle} is closed instead of used:
 * a Redis {@code timeout} setting or a firewall may have dropped it, and its failure would cost a
 * check its decision. A connection that failed is closed, and so is every idle one: they were
 * opened before the failure and are most likely dead too (Redis restarted).
 */
final class ScriptConnections implements AutoCloseable {

    private final RedisEndpoint endpoint;
    private final Duration timeout;
    private final long maxIdleNanos;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<ScriptConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    ScriptConnections(RedisEndpoint endpoint, Duration timeout, int max) {
        this(endpoint, timeout, max, MAX_IDLE);
    }

    ScriptConnections(RedisEndpoint endpoint, Duration timeout, int max, Duration maxIdle) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.maxIdleNanos = maxIdle.toNanos();
        this.permits = new Semaphore(max);
    }

    /** What a borrowed connection runs; it may throw I/O failures and Redis error replies. */
    interface Call<T> {
        T on(ScriptConnection connection) throws IOException;
    }

    <T> T run(Call<T> call) throws IOException {
        acquire();
        try {
            ScriptConnection connection = borrow();
            try {
                T result = call.on(connection);
                giveBack(connection);
                return result;
            } catch (RedisReplyException e) {
                giveBack(connection);
                throw e;
            } catch (IOException | RuntimeException e) {
                connection.close();
                closeIdle();
                throw e;
            }
        } finally {
            permits.release();
        }
    }

    private void acquire() throws IOException {
        try {
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("no Redis connection free within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a Redis connection", e);
        }
    }

    /** A recently used idle connection, else a new one; a failure to connect closes the idle ones. */
    private ScriptConnection borrow() throws IOException {
        ScriptConnection connection = idle.pollFirst();
        if (connection != null) {
            if (System.nanoTime() - connection.idleSince() < maxIdleNanos) {
                return connection;
            }
            // the most recently returned one is too old, so are the ones returned before it
            connection.close();
            closeIdle();
        }
        try {
            return new ScriptConnection(endpoint, timeout);
        } catch (IOException e) {
            closeIdle();
            throw e;
        }
    }

    private void giveBack(ScriptConnection connection) {
        connection.markIdle();
        idle.offerFirst(connection);
        if (closed) {
            closeIdle();
        }
    }

    private void closeIdle() {
        ScriptConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
