#!/usr/bin/env bash
# make example: starts examples/orders-api (a Spring Boot API protected by
# metricgate-spring-boot-starter) against the system `make start` runs, on its own plan, tenant and
# key, and prints curl commands that show 200, 429 and 401. `make stop` stops it with the rest.
# Demo credentials are for local runs only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/admin-api.sh

RUN_DIR=target/run
PIDS="$RUN_DIR/pids"
ORDERS_PORT=${ORDERS_PORT:-8090}
ORDERS=http://127.0.0.1:$ORDERS_PORT
JAR=examples/orders-api/target/orders-api-0.1.0-SNAPSHOT.jar

curl -fsS "$ENFORCEMENT/actuator/health" 2>/dev/null | grep -q '"UP"' \
  || { echo "enforcement-service does not answer at $ENFORCEMENT: run make start first." >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: make build" >&2; exit 1; }
if [ -s "$RUN_DIR/orders-api.pid" ] && kill -0 "$(cat "$RUN_DIR/orders-api.pid")" 2>/dev/null; then
  kill -TERM "$(cat "$RUN_DIR/orders-api.pid")"
  for _ in $(seq 1 40); do kill -0 "$(cat "$RUN_DIR/orders-api.pid")" 2>/dev/null || break; sleep 0.25; done
fi

TOKEN=$(token platform-admin platform-admin)
suffix=$(date +%s)
plan=$(post /v1/plans '{"name":"Orders API '"$suffix"'","rateLimit":{"requestsPerSecond":1,"burst":10},"monthlyQuota":100,"routeLimits":[{"route":"POST /orders","requestsPerSecond":1,"burst":2}]}' | json "['id']")
tenant=$(post /v1/tenants '{"name":"Orders API consumer '"$suffix"'","kind":"RESELLER","planId":"'"$plan"'"}' | json "['id']")
api_key=$(post "/v1/tenants/$tenant/api-keys" '{"name":"orders-api example"}' | json "['key']")

java -Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port="$ORDERS_PORT" \
  --metricgate.url="$ENFORCEMENT" > "$RUN_DIR/orders-api.log" 2>&1 &
echo $! > "$RUN_DIR/orders-api.pid"
echo $! >> "$PIDS"
for _ in $(seq 1 120); do
  curl -fsS "$ORDERS/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$(cat "$RUN_DIR/orders-api.pid")" 2>/dev/null \
    || { echo "orders-api exited:" >&2; tail -30 "$RUN_DIR/orders-api.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$ORDERS/actuator/health" | grep -q '"UP"' || { echo "orders-api not up in 60 s; see $RUN_DIR/orders-api.log" >&2; exit 1; }

cat <<TRY

orders-api runs at $ORDERS (log: $RUN_DIR/orders-api.log), protected by metricgate-spring-boot-starter.
Its consumer $tenant has plan "Orders API $suffix": 1 req/s, burst 10, 100 per month; POST /orders 1 req/s, burst 2.
API key (local demo only): $api_key

Try it:
  # 200, with the RateLimit headers of the consumer's plan
  curl -i -H 'X-Api-Key: $api_key' $ORDERS/orders/42

  # the burst of 10 runs out: ten 200s, then the 429 itself: application/problem+json with
  # Retry-After and the RateLimit headers
  for i in \$(seq 1 10); do curl -s -o /dev/null -w '%{http_code}\n' -H 'X-Api-Key: $api_key' $ORDERS/orders/\$i; done; curl -i -H 'X-Api-Key: $api_key' $ORDERS/orders/42

  # 401 problem+json for a key MetricGate does not know (and for a missing one)
  curl -i -H 'X-Api-Key: mg_not_a_key' $ORDERS/orders/42

  # POST /orders has a route limit of its own (burst 2); GET /reports/monthly costs 5
  sleep 10; for i in 1 2 3; do curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'X-Api-Key: $api_key' $ORDERS/orders; done
  sleep 1; curl -si -H 'X-Api-Key: $api_key' $ORDERS/reports/monthly | grep -i '^ratelimit:'

  # what the starter counted
  curl -s $ORDERS/actuator/metrics/metricgate.client.decisions

make stop stops orders-api with the rest of the system.
TRY
