package dev.metricgate.enforcement.adapter.out.redis;

/** Redis answered with an error reply; the connection that read it is still in step. */
final class RedisReplyException extends RuntimeException {

    RedisReplyException(String message) {
        super(message);
    }

    /** Redis does not know the script (restarted, or its script cache was flushed). */
    boolean noScript() {
        return getMessage().startsWith("NOSCRIPT");
    }
}
