package dev.metricgate.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short-lived command-line tools (redis-cli, openssl): found on the PATH, run to completion. */
final class Executables {

    private Executables() {}

    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command, its output to {@code log}; fails with that output unless it exits with 0. */
    static void run(List<String> command, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            finish(command, process, timeout, () -> Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the command and returns what it printed; fails unless it exits with 0. For short answers
     * (they fit a pipe's buffer): the output is read once the process has ended, so the timeout holds.
     */
    static String output(List<String> command, Duration timeout) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            finish(command, process, timeout, () -> read(process));
            return read(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private interface Output {
        String read() throws IOException;
    }

    private static void finish(List<String> command, Process process, Duration timeout, Output output)
            throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output.read());
        }
    }
}
