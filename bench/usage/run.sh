#!/usr/bin/env bash
# usage-service ingest benchmark (make bench-usage): real PostgreSQL, Kafka and an OIDC issuer on
# free 127.0.0.1 ports (started and stopped by the benchmark JVM), usage-service in-process,
# EVENTS generated usage events through Kafka into PostgreSQL, then report query latencies.
# Usage: bench/usage/run.sh [events=1000000] [queries-per-endpoint=300] [live|spread]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
EVENTS="${1:-1000000}"
QUERIES="${2:-300}"
MODE="${3:-live}"

if [[ ! -d usage-service/target/classes ]]; then
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl usage-service
fi
CLASSPATH_FILE=usage-service/target/bench-classpath.txt
./mvnw -B -q -o -pl usage-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null \
  || ./mvnw -B -q -pl usage-service dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="$ROOT/usage-service/target/classes:$(cat "$CLASSPATH_FILE")"

# The servers keep their data under <working dir>/target/real-servers: give the run its own
# directory and remove it afterwards (a million events are a few hundred MB of Kafka log).
WORK="$ROOT/usage-service/target/bench-run"
rm -rf "$WORK" && mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" "$ROOT/bench/usage/UsageBench.java" "$EVENTS" "$QUERIES" "$MODE"
