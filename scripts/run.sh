#!/usr/bin/env bash
# Starts the whole system on this machine without Docker: dev-stack (PostgreSQL, Redis, Kafka,
# Keycloak on 127.0.0.1), then plans-service, enforcement-service, usage-service and admin-console as separate
# processes, seeds a demo and prints what to try. ctrl-C (or `make stop` after --detach) stops
# every process it started, by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

RUN_DIR=target/run
PIDS="$RUN_DIR/pids"
mkdir -p "$RUN_DIR"
detach=false
[ "${1:-}" = "--detach" ] && detach=true

if [ -s "$PIDS" ] && xargs -r kill -0 < "$PIDS" 2>/dev/null; then
  echo "MetricGate is already running (PIDs in $PIDS); make stop first." >&2
  exit 1
fi
: > "$PIDS"

stop_all() {
  trap - INT TERM EXIT
  scripts/stop.sh
}
$detach || trap stop_all INT TERM EXIT

started=$(date +%s)
java -cp "dev-stack/target/classes:$(cat dev-stack/target/classpath.txt)" \
  dev.metricgate.devstack.DevStack > "$RUN_DIR/dev-stack.log" 2>&1 &
echo $! >> "$PIDS"
echo "Starting PostgreSQL, Redis, Kafka and Keycloak (log: $RUN_DIR/dev-stack.log) ..."
for _ in $(seq 1 600); do
  grep -q '^dev-stack ready' "$RUN_DIR/dev-stack.log" 2>/dev/null && break
  if ! kill -0 "$(head -1 "$PIDS")" 2>/dev/null; then
    echo "dev-stack failed:" >&2; tail -30 "$RUN_DIR/dev-stack.log" >&2; exit 1
  fi
  sleep 0.5
done
grep -q '^dev-stack ready' "$RUN_DIR/dev-stack.log" || { echo "dev-stack not ready in 5 minutes" >&2; exit 1; }
sed -n '/^  /p' "$RUN_DIR/dev-stack.log"

# plans-service and usage-service start fast (C1 only, small heap); enforcement-service is the hot
# path and runs as in production: full JIT, a fixed 1 GB heap, the parallel collector (ADR 0015)
FAST_START="-Xms64m -Xmx384m -XX:TieredStopAtLevel=1"
ENFORCEMENT_JVM="${ENFORCEMENT_JVM:--Xms1g -Xmx1g -XX:+UseParallelGC}"
start_service() {
  local name=$1 jvm=$2
  # shellcheck disable=SC2086
  java $jvm -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" > "$RUN_DIR/$name.log" 2>&1 &
  echo $! >> "$PIDS"
}
start_service plans-service "$FAST_START"
start_service enforcement-service "$ENFORCEMENT_JVM"
start_service usage-service "$FAST_START"
start_service admin-console "$FAST_START"

for service in plans-service:8081 enforcement-service:8082 usage-service:8083 admin-console:8084; do
  name=${service%%:*} port=${service##*:}
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.5
  done
  if curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    printf '  %-20s http://127.0.0.1:%s  (UP)\n' "$name" "$port"
  else
    echo "$name did not become healthy; last log lines:" >&2; tail -30 "$RUN_DIR/$name.log" >&2; exit 1
  fi
done
if (exec 3<>/dev/tcp/127.0.0.1/8092) 2>/dev/null; then
  printf '  %-20s 127.0.0.1:8092         (gRPC: Envoy rate limit service and health; make rls-demo)\n' "enforcement-service"
else
  echo "enforcement-service's gRPC port 8092 does not accept connections; see $RUN_DIR/enforcement-service.log" >&2; exit 1
fi
echo "Everything is up in $(( $(date +%s) - started )) s."

scripts/seed-demo.sh

if $detach; then
  echo "Running detached; stop with: make stop"
  trap - INT TERM EXIT
else
  echo "Press ctrl-C to stop everything."
  wait
fi
