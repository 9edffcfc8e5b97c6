package dev.metricgate.devstack;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis on 127.0.0.1: the system {@code redis-server} when it is on the PATH, otherwise the
 * binary embedded-redis ships. Like production (ADR 0018) it keeps an append-only file, fsynced
 * every second, so quota counters survive a restart. It can be stopped and started again on the
 * same port, so failure tests can take Redis away and bring it back.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final redis.embedded.RedisServer server;
    private final Path temporaryDir;

    private RedisServer(int port, redis.embedded.RedisServer server, Path temporaryDir) {
        this.port = port;
        this.server = server;
        this.temporaryDir = temporaryDir;
    }

    /** A Redis whose data lives in a new temporary directory, deleted when it is closed. */
    public static RedisServer start(int port) {
        try {
            Path dir = Files.createTempDirectory("metricgate-redis-");
            return start(port, dir, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Redis that keeps its append-only file in {@code dataDir} (kept when it is closed). */
    public static RedisServer start(int port, Path dataDir) {
        return start(port, dataDir, null);
    }

    private static RedisServer start(int port, Path dataDir, Path temporaryDir) {
        try {
            Files.createDirectories(dataDir);
            var server = redis.embedded.RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .port(port)
                    .bind(Net.LOOPBACK)
                    .setting("dir \"" + dataDir.toAbsolutePath() + "\"")
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .onShutdownForceStop(true)
                    .build();
            var redis = new RedisServer(port, server, temporaryDir);
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

    /**
     * Kills the server process (SIGKILL, like a crash); the port goes dark until {@link #resume()},
     * which starts it again on its append-only file: every write Redis acknowledged is in the file
     * (only a crash of the machine loses up to the last second, ADR 0018).
     */
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
        if (temporaryDir != null) {
            try (var files = Files.walk(temporaryDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
