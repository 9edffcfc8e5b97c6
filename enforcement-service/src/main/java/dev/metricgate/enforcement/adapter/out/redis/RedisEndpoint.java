package dev.metricgate.enforcement.adapter.out.redis;

/** Where the counters live. The password never appears in {@link #toString()}. */
record RedisEndpoint(String host, int port, int database, String username, String password) {

    @Override
    public String toString() {
        return "redis://" + host + ":" + port + "/" + database + (password == null ? "" : " (authenticated)");
    }
}
