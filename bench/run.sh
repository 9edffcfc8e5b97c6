#!/usr/bin/env bash
# make bench: the enforcement-service benchmark. Starts real Redis and Kafka and an OIDC issuer on
# free 127.0.0.1 ports (stopped by the benchmark JVM when it exits), a plans-service stand-in with
# 10,000 keys in 500 tenant trees, enforcement-service in-process, and drives it with wrk.
# Needs wrk (apt-get install -y wrk). Environment: BENCH_WARMUP (s, default 50),
# BENCH_DURATION (s per phase, default 20), BENCH_ROUNDS (the phases take turns in this many slices,
# default 4, so the ratios compare phases measured side by side), BENCH_THREADS (wrk threads, default 2), BENCH_JAVA_OPTS
# (extra JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr for a profile).
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

exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -cp "$CP" bench/enforcement/EnforcementBench.java
