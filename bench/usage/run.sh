#!/usr/bin/env bash
# usage-service ingest benchmark (make bench-usage): real PostgreSQL, Kafka and an OIDC issuer on
# free 127.0.0.1 ports (started and stopped by the benchmark JVM), usage-service in-process,
# EVENTS generated usage events through Kafka into PostgreSQL, then report query latencies.
# Usage: bench/usage/run.sh [events=1000000] [queries-per-endpoint=300] [live|spread]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
EVENTS="${1:-1000000}"
QUERIES="${2:-300}"
MODE="${3:-live}"

if [[ ! -d usage-service/target/classes || ! -f dev-stack/target/classpath.txt ]]; then
  ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package -pl usage-service
fi
./mvnw -B -q -o -pl usage-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="usage-service/target/classes:$(cat usage-service/target/bench-classpath.txt)"

exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" bench/usage/UsageBench.java "$EVENTS" "$QUERIES" "$MODE"
