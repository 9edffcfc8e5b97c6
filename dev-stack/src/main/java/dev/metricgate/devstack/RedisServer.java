package dev.metricgate.devstack;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis on 127.0.0.1: the system {@code redis-server} when it is on the PATH, otherwise the
 * binary embedded-redis ships. It can be stopped and started again on the same port, so failure
 * tests can take Redis away and bring it back.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final redis.embedded.RedisServer server;

    private RedisServer(int port, redis.embedded.RedisServer server) {
        this.port = port;
        this.server = server;
    }

    public static RedisServer start(int port) {
        try {
            var server = redis.embedded.RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .port(port)
                    .bind(Net.LOOPBACK)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            var redis = new RedisServer(port, server);
            redis.resume();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    private static ExecutableProvider executable() {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server");
        } catch (FileNotFoundException notOnPath) {
            return ExecutableProvider.newJarResourceProvider();
        }
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the server process; the port goes dark until {@link #resume()}. All data is lost. */
    public void pause() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Net.await("Redis to stop", Duration.ofSeconds(10), null, () -> !Net.tcpOpen(port));
    }

    public void resume() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
        Net.await("Redis", Duration.ofSeconds(10), null, () -> Net.tcpOpen(port));
    }

    @Override
    public void close() {
        if (server.isActive()) {
            pause();
        }
    }
}
