#!/usr/bin/env bash
# make bench: the enforcement-service benchmark. Starts real Redis and Kafka and an OIDC issuer on
# free 127.0.0.1 ports (stopped by the benchmark JVM when it exits), a plans-service stand-in with
# 10,000 keys in 500 tenant trees (and 50 in one more tree), enforcement-service in-process and, as a
# child process on the same Redis, the Bucket4j peer (bench/bucket4j), and drives both with wrk.
# Needs wrk (apt-get install -y wrk). Environment: BENCH_WARMUP (s, default 50),
# BENCH_DURATION (s per phase, default 20), BENCH_ROUNDS (the phases take turns in this many slices,
# default 4, so the ratios compare phases measured side by side), BENCH_THREADS (wrk threads, default 2), BENCH_JAVA_OPTS
# (extra JVM options of the benchmark JVM only, e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr for a profile).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

if [[ ! -d enforcement-service/target/classes ]]; then
  ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package -pl enforcement-service
fi
./mvnw -B -q -o -pl enforcement-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="enforcement-service/target/classes:$(cat enforcement-service/target/bench-classpath.txt)"

# The Bucket4j peer's jar (offline when its dependencies are already in the local repository)
./mvnw -B -q -o -DskipTests -f bench/bucket4j/pom.xml package >/dev/null 2>&1 \
  || ./mvnw -B -q -DskipTests -f bench/bucket4j/pom.xml package

# Both servers get these: the benchmark JVM (enforcement-service in-process) and the Bucket4j peer
export BENCH_SERVER_JVM_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC"
exec "$JAVA_HOME/bin/java" $BENCH_SERVER_JVM_OPTS ${BENCH_JAVA_OPTS:-} -cp "$CP" bench/enforcement/EnforcementBench.java
