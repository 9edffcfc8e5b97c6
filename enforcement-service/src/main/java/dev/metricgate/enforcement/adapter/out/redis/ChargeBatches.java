package dev.metricgate.enforcement.adapter.out.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Decisions that arrive while the charge script is on its way to Redis share the next call (ADR
 * 0017). There is no batching window: a decision goes out at once when fewer than {@code
 * maxInFlight} calls of its lane are waiting for Redis; otherwise it joins the lane's queue, and the
 * next call of the lane (sent when one comes back, from Lettuce's event loop) carries up to {@code
 * maxDecisions} queued decisions in arrival order. The script charges them one after the other, each
 * all or nothing. A limit several decisions of a call charge (their reseller's, say) is sent once, in
 * the call's table of limits, and the script reads and writes its counter once (ADR 0025).
 *
 * <p>Waiting threads park without a timer: a timed park costs a virtual thread about 15 µs of CPU
 * per check (ADR 0017). One watchdog thread enforces both bounds instead: a decision queued longer
 * than {@code maxWait} goes out in a call of its own, and a call that has not answered within the
 * timeout fails its decisions (they fall back to the plan's failure mode).
 *
 * <p>A lane is what one call may carry: on Redis Cluster the keys of one slot (the script's keys
 * must share it), elsewhere everything.
 */
final class ChargeBatches implements AutoCloseable {

    /**
     * One limit a decision charges: its keys and its 5 arguments. Decisions of one call that charge
     * the same limit (their reseller's, say) share one entry of the call's limit table (ADR 0025).
     */
    static final class Limit {
        final byte[][] keys;
        final byte[][] args;
        private final int hash;

        Limit(byte[][] keys, byte[][] args) {
            this.keys = keys;
            this.args = args;
            this.hash = 31 * Arrays.deepHashCode(keys) + Arrays.deepHashCode(args);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Limit limit
                    && hash == limit.hash
                    && Arrays.deepEquals(keys, limit.keys)
                    && Arrays.deepEquals(args, limit.args);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** One decision: its cost, its usage record and the limit of each of its checks, in order. */
    static final class Pending {
        final byte[] cost;
        final byte[] usage;
        final Limit[] limits;
        final int replyLength;
        final CompletableFuture<List<Long>> reply = new CompletableFuture<>();
        final AtomicBoolean taken = new AtomicBoolean();
        long queuedAt;

        Pending(byte[] cost, byte[] usage, Limit[] limits) {
            this.cost = cost;
            this.usage = usage;
            this.limits = limits;
            this.replyLength = 3 + 2 * limits.length;
        }
    }

    private static final class Lane {
        final byte[] usageStream;
        final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger inFlight = new AtomicInteger();

        Lane(byte[] usageStream) {
            this.usageStream = usageStream;
        }
    }

    /**
     * One call on its way; {@code counted} when it holds one of its lane's in-flight slots, which the
     * answer or the timeout gives back, whichever comes first.
     */
    private record Call(Lane lane, List<Pending> decisions, boolean counted, long deadline, AtomicBoolean settled) {

        /** Whether this settled the call (then the lane may send its next call). */
        boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            if (counted) {
                lane.inFlight.decrementAndGet();
            }
            return true;
        }
    }

    private final ConcurrentHashMap<Integer, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Lane> waiting = ConcurrentHashMap.newKeySet();
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final BiFunction<byte[][], byte[][], CompletionStage<List<Long>>> script;
    private final Supplier<byte[]> now;
    private final IntFunction<byte[]> usageStream;
    private final int maxDecisions;
    private final int maxInFlight;
    private final long maxWaitNanos;
    private final long timeoutNanos;
    private final ScheduledExecutorService watchdog;

    /**
     * @param script sends one call (keys, arguments) and completes with the script's flat reply
     * @param now the first argument of every call (the instant in ms, or empty for Redis TIME)
     * @param usageStream the first key of every call: the usage stream of a lane
     */
    ChargeBatches(
            BiFunction<byte[][], byte[][], CompletionStage<List<Long>>> script,
            Supplier<byte[]> now,
            IntFunction<byte[]> usageStream,
            int maxDecisions,
            int maxInFlight,
            long maxWaitNanos,
            long timeoutNanos) {
        this.script = script;
        this.now = now;
        this.usageStream = usageStream;
        this.maxDecisions = maxDecisions;
        this.maxInFlight = maxInFlight;
        this.maxWaitNanos = maxWaitNanos;
        this.timeoutNanos = timeoutNanos;
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(maxWaitNanos, timeoutNanos) / 2);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("charge-watchdog").daemon(true).factory());
        watchdog.scheduleWithFixedDelay(this::watch, tick, tick, TimeUnit.NANOSECONDS);
    }

    /**
     * Charges one decision in its lane and waits for its part of the reply.
     *
     * @throws ExecutionException with a {@link TimeoutException} when Redis did not answer in time,
     *     or with Redis's or the connection's error
     */
    List<Long> charge(int laneId, Pending decision) throws ExecutionException, InterruptedException {
        Lane lane = lanes.computeIfAbsent(laneId, id -> new Lane(usageStream.apply(id)));
        decision.queuedAt = System.nanoTime();
        lane.queue.offer(decision);
        dispatch(lane);
        if (!decision.taken.get()) {
            waiting.add(lane);
        }
        return decision.reply.get();
    }

    /** Sends the lane's queued decisions while fewer than {@code maxInFlight} calls are out. */
    private void dispatch(Lane lane) {
        while (!lane.queue.isEmpty()) {
            int out = lane.inFlight.get();
            if (out >= maxInFlight) {
                // the call that comes back will send what is queued
                return;
            }
            if (!lane.inFlight.compareAndSet(out, out + 1)) {
                continue;
            }
            List<Pending> batch = drain(lane);
            if (batch.isEmpty()) {
                // another sender took them; anything queued since is seen by the loop's test
                lane.inFlight.decrementAndGet();
            } else {
                send(lane, batch, true);
            }
        }
    }

    private List<Pending> drain(Lane lane) {
        List<Pending> batch = new ArrayList<>(Math.min(maxDecisions, 16));
        Pending next;
        while (batch.size() < maxDecisions && (next = lane.queue.poll()) != null) {
            if (next.taken.compareAndSet(false, true)) {
                batch.add(next);
            }
        }
        return batch;
    }

    /**
     * One call: the usage stream, then the keys of each distinct limit; as arguments {@code now}, the
     * number of limits and of decisions, 5 values per limit, then per decision its cost, its number
     * of checks, its usage record and the number of each check's limit in the table.
     */
    private void send(Lane lane, List<Pending> batch, boolean counted) {
        Map<Limit, Integer> numbers = new HashMap<>();
        List<Limit> table = new ArrayList<>();
        int keyCount = 1;
        int argCount = 3;
        long deadline = Long.MAX_VALUE;
        int checks = 0;
        for (Pending decision : batch) {
            checks += decision.limits.length;
        }
        int[] numbered = new int[checks];
        int c = 0;
        for (Pending decision : batch) {
            for (Limit limit : decision.limits) {
                Integer known = numbers.putIfAbsent(limit, table.size() + 1);
                if (known == null) {
                    table.add(limit);
                    keyCount += limit.keys.length;
                    argCount += limit.args.length;
                    numbered[c++] = table.size();
                } else {
                    numbered[c++] = known;
                }
            }
            argCount += 3 + decision.limits.length;
            deadline = Math.min(deadline, decision.queuedAt + timeoutNanos);
        }
        byte[][] keys = new byte[keyCount][];
        byte[][] args = new byte[argCount][];
        keys[0] = lane.usageStream;
        args[0] = now.get();
        args[1] = number(table.size());
        args[2] = number(batch.size());
        int k = 1;
        int a = 3;
        for (Limit limit : table) {
            System.arraycopy(limit.keys, 0, keys, k, limit.keys.length);
            System.arraycopy(limit.args, 0, args, a, limit.args.length);
            k += limit.keys.length;
            a += limit.args.length;
        }
        c = 0;
        for (Pending decision : batch) {
            args[a++] = decision.cost;
            args[a++] = number(decision.limits.length);
            args[a++] = decision.usage;
            for (int i = 0; i < decision.limits.length; i++) {
                args[a++] = number(numbered[c++]);
            }
        }
        Call call = new Call(lane, batch, counted, deadline, new AtomicBoolean());
        calls.add(call);
        CompletionStage<List<Long>> reply;
        try {
            reply = script.apply(keys, args);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((values, failure) -> answered(call, values, failure));
    }

    private void answered(Call call, List<Long> values, Throwable failure) {
        calls.remove(call);
        boolean settled = call.settle();
        if (failure == null && values.size() != replyLength(call.decisions())) {
            failure = new IllegalStateException("charge script answered " + values.size() + " values for "
                    + call.decisions().size() + " decisions");
        }
        if (failure != null) {
            for (Pending decision : call.decisions()) {
                decision.reply.completeExceptionally(failure);
            }
        } else {
            int offset = 0;
            for (Pending decision : call.decisions()) {
                decision.reply.complete(values.subList(offset, offset + decision.replyLength));
                offset += decision.replyLength;
            }
        }
        if (settled) {
            dispatch(call.lane());
        }
    }

    /** Sends what waited longer than maxWait on calls of their own; fails calls past their timeout. */
    private void watch() {
        long at = System.nanoTime();
        for (Lane lane : waiting) {
            Pending head;
            while ((head = lane.queue.peek()) != null && head.taken.get()) {
                lane.queue.remove(head);
            }
            if (head == null) {
                waiting.remove(lane);
                if (!lane.queue.isEmpty()) {
                    waiting.add(lane);
                }
            } else if (at - head.queuedAt >= maxWaitNanos) {
                List<Pending> batch = drain(lane);
                if (!batch.isEmpty()) {
                    send(lane, batch, false);
                }
            }
        }
        for (Call call : calls) {
            if (at - call.deadline() >= 0) {
                calls.remove(call);
                TimeoutException late = new TimeoutException("Redis did not answer the charge script in time");
                call.decisions().forEach(decision -> decision.reply.completeExceptionally(late));
                if (call.settle()) {
                    dispatch(call.lane());
                }
            }
        }
    }

    private static final byte[][] SMALL_NUMBERS = new byte[256][];

    static {
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A script argument's number, as ASCII digits (the small ones, most of a call's, built once). */
    static byte[] number(long value) {
        return value >= 0 && value < SMALL_NUMBERS.length
                ? SMALL_NUMBERS[(int) value]
                : Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static int replyLength(List<Pending> batch) {
        int length = 0;
        for (Pending decision : batch) {
            length += decision.replyLength;
        }
        return length;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
