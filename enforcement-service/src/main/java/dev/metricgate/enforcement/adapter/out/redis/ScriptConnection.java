package dev.metricgate.enforcement.adapter.out.redis;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One blocking RESP2 connection that speaks just what the charge script needs: {@code EVALSHA}
 * answered by an array of integers, and {@code SCRIPT LOAD}. The caller's (virtual) thread writes
 * the command and reads the answer itself, so a check involves no event-loop thread. Not thread
 * safe: {@link ScriptConnections} lends it to one caller at a time.
 */
final class ScriptConnection implements Closeable {

    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] command = new byte[4096];
    private int length;
    private long idleSince;

    ScriptConnection(RedisEndpoint endpoint, Duration timeout) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1024);
            if (endpoint.password() != null) {
                send("AUTH", endpoint.username() == null ? "default" : endpoint.username(), endpoint.password());
                readStatus();
            }
            if (endpoint.database() != 0) {
                send("SELECT", Integer.toString(endpoint.database()));
                readStatus();
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void markIdle() {
        idleSince = System.nanoTime();
    }

    /** When it was last given back ({@link System#nanoTime()}). */
    long idleSince() {
        return idleSince;
    }

    /** Runs a loaded script; its reply must be an array of integers. */
    long[] evalsha(String sha, String[] keys, String[] args) throws IOException {
        begin(3 + keys.length + args.length);
        bulk("EVALSHA");
        bulk(sha);
        bulk(Integer.toString(keys.length));
        for (String key : keys) {
            bulk(key);
        }
        for (String arg : args) {
            bulk(arg);
        }
        flush();
        return readIntegers();
    }

    void scriptLoad(String script) throws IOException {
        send("SCRIPT", "LOAD", script);
        readBulk();
    }

    private void send(String... parts) throws IOException {
        begin(parts.length);
        for (String part : parts) {
            bulk(part);
        }
        flush();
    }

    private void begin(int parts) throws IOException {
        length = 0;
        put((byte) '*');
        number(parts);
        put(CRLF);
    }

    /** A bulk string; keys and numbers are ASCII and go into the buffer as they are. */
    private void bulk(String value) throws IOException {
        if (!isAscii(value)) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            put((byte) '$');
            number(bytes.length);
            put(CRLF);
            put(bytes);
            put(CRLF);
            return;
        }
        put((byte) '$');
        number(value.length());
        put(CRLF);
        for (int i = 0; i < value.length(); i++) {
            put((byte) value.charAt(i));
        }
        put(CRLF);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A non-negative count, in decimal. */
    private void number(int value) throws IOException {
        if (value >= 10) {
            number(value / 10);
        }
        put((byte) ('0' + value % 10));
    }

    private void put(byte b) throws IOException {
        if (length == command.length) {
            out.write(command, 0, length);
            length = 0;
        }
        command[length++] = b;
    }

    private void put(byte[] bytes) throws IOException {
        if (bytes.length > command.length - length) {
            out.write(command, 0, length);
            length = 0;
            if (bytes.length > command.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, command, length, bytes.length);
        length += bytes.length;
    }

    private void flush() throws IOException {
        out.write(command, 0, length);
        length = 0;
        out.flush();
    }

    private long[] readIntegers() throws IOException {
        int type = readType();
        if (type != '*') {
            throw unexpected(type);
        }
        int count = (int) readLong();
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            int element = readType();
            if (element != ':') {
                throw unexpected(element);
            }
            values[i] = readLong();
        }
        return values;
    }

    private void readStatus() throws IOException {
        int type = readType();
        if (type != '+') {
            throw unexpected(type);
        }
        readLine();
    }

    private void readBulk() throws IOException {
        int type = readType();
        if (type != '$') {
            throw unexpected(type);
        }
        long size = readLong();
        if (size >= 0) {
            in.skipNBytes(size + 2);
        }
    }

    /** The reply's type byte; an error reply is thrown as {@link RedisReplyException}. */
    private int readType() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Redis closed the connection");
        }
        if (type == '-') {
            throw new RedisReplyException(readLine());
        }
        return type;
    }

    private long readLong() throws IOException {
        long value = 0;
        boolean negative = false;
        int b = in.read();
        if (b == '-') {
            negative = true;
            b = in.read();
        }
        while (b != '\r') {
            if (b < 0) {
                throw new EOFException("Redis closed the connection");
            }
            if (b < '0' || b > '9') {
                throw new IOException("malformed integer in Redis reply");
            }
            value = value * 10 + (b - '0');
            b = in.read();
        }
        if (in.read() != '\n') {
            throw new IOException("malformed line end in Redis reply");
        }
        return negative ? -value : value;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new EOFException("Redis closed the connection");
            }
            line.append((char) b);
        }
        in.read();
        return line.toString();
    }

    private IOException unexpected(int type) {
        return new IOException("unexpected Redis reply type '" + (char) type + "'");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed; nothing to do
        }
    }
}
