#!/usr/bin/env bash
# make bench: the enforcement-service benchmark. Starts real Redis and Kafka and an OIDC issuer on
# free 127.0.0.1 ports (stopped by the benchmark JVM when it exits), a plans-service stand-in with
# 10,000 keys in 500 tenant trees (and 50 in one more tree), enforcement-service in-process and, as a
# child process on the same Redis, the Bucket4j peer (bench/bucket4j) and the baseline (enforcement-service
# at BENCH_BASELINE, default 4206443, before metering), and drives them with wrk.
# Needs wrk (apt-get install -y wrk) and h2load (apt-get install -y nghttp2-client). Environment: BENCH_WARMUP (s, default 50),
# BENCH_DURATION (s per phase, default 20), BENCH_ROUNDS (the phases take turns in this many slices,
# default 4, so the ratios compare phases measured side by side), BENCH_THREADS (wrk threads, default 2), BENCH_JAVA_OPTS
# (extra JVM options of the benchmark JVM only, e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr for a profile).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
# h2load drives the gRPC phase (Envoy's ShouldRateLimit; wrk speaks no HTTP/2)
command -v h2load >/dev/null || { echo "h2load is needed: apt-get install -y nghttp2-client" >&2; exit 1; }

if [[ ! -d enforcement-service/target/classes ]]; then
  ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package -pl enforcement-service
fi
./mvnw -B -q -o -pl enforcement-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# metricgate-client, measured next to a direct HTTP call (ClientOverhead.java)
if [[ ! -d metricgate-client/target/classes ]]; then
  ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package -pl metricgate-client
fi
CP="enforcement-service/target/classes:metricgate-client/target/classes:$(cat enforcement-service/target/bench-classpath.txt)"

# The Bucket4j peer's jar (offline when its dependencies are already in the local repository)
./mvnw -B -q -o -DskipTests -f bench/bucket4j/pom.xml package >/dev/null 2>&1 \
  || ./mvnw -B -q -DskipTests -f bench/bucket4j/pom.xml package

# The baseline: enforcement-service as it was before the charge script metered (ADR 0018), measured
# side by side with today's. Built in a git worktree; package only (never install), so the local
# repository keeps today's modules.
BASELINE=${BENCH_BASELINE:-4206443}
BASELINE_DIR=target/bench-baseline
if [[ "$(git -C "$BASELINE_DIR" rev-parse --short=7 HEAD 2>/dev/null || true)" != "${BASELINE:0:7}" ]]; then
  rm -rf "$BASELINE_DIR"
  git worktree prune
  git worktree add --force --detach "$BASELINE_DIR" "$BASELINE" >/dev/null
fi
BASELINE_JAR="$BASELINE_DIR/enforcement-service/target/enforcement-service-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$BASELINE_JAR" ]]; then
  (cd "$BASELINE_DIR" && { ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package -pl enforcement-service -am \
      >/dev/null 2>&1 || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl enforcement-service -am; })
fi
export BENCH_BASELINE="$BASELINE" BENCH_BASELINE_JAR="$BASELINE_JAR"

# Both servers get these: the benchmark JVM (enforcement-service in-process) and the Bucket4j peer
export BENCH_SERVER_JVM_OPTS="${BENCH_SERVER_JVM_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
exec "$JAVA_HOME/bin/java" $BENCH_SERVER_JVM_OPTS ${BENCH_JAVA_OPTS:-} -cp "$CP" bench/enforcement/EnforcementBench.java
