#!/usr/bin/env bash
# Fault injection against the running system (`make start`): drives POST /v1/check with wrk while a
# fault is injected, then prints, per fault, what was answered, what Redis charged and what
# usage-service recorded (ADR 0018, docs/reliability.md). Faults so far: kill -9 of
# enforcement-service and of usage-service, each restarted with the command scripts/run.sh uses.
# Environment: CHAOS_SECONDS (load per fault, default 20), CHAOS_CONNECTIONS (default 16).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/admin-api.sh
PIDS=target/run/pids RUN_DIR=target/run
SECONDS_PER_FAULT=${CHAOS_SECONDS:-20} CONNECTIONS=${CHAOS_CONNECTIONS:-16}
command -v wrk > /dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 1; }
command -v redis-cli > /dev/null || { echo "needs redis-cli (apt-get install -y redis-tools)" >&2; exit 1; }
curl -fsS "$ENFORCEMENT/actuator/health" > /dev/null 2>&1 || { echo "start the system first: make start" >&2; exit 1; }

TOKEN=$(token platform-admin platform-admin)

# a reseller and a customer with limits the load never reaches: every decision charges the quota
suffix=$(date +%s)
limits='"rateLimit":{"requestsPerSecond":1000000,"burst":1000000},"monthlyQuota":1000000000'
reseller_plan=$(post /v1/plans '{"name":"Chaos reseller '"$suffix"'",'"$limits"',"failureMode":"FAIL_SOFT"}' | json "['id']")
customer_plan=$(post /v1/plans '{"name":"Chaos customer '"$suffix"'","parentPlanId":"'"$reseller_plan"'",'"$limits"'}' | json "['id']")
reseller=$(post /v1/tenants '{"name":"Chaos reseller '"$suffix"'","kind":"RESELLER","planId":"'"$reseller_plan"'"}' | json "['id']")
customer=$(post /v1/tenants '{"name":"Chaos customer '"$suffix"'","kind":"CUSTOMER","parentId":"'"$reseller"'","planId":"'"$customer_plan"'"}' | json "['id']")
api_key=$(post "/v1/tenants/$customer/api-keys" '{"name":"chaos"}' | json "['key']")
curl -fsS -o /dev/null -X POST -H "X-Api-Key: $api_key" "$ENFORCEMENT/v1/check"

lua=$(mktemp)
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["X-Api-Key"] = "$api_key"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() ok, denied, failed = 0, 0, 0 end
function response(status)
  if status == 200 then ok = ok + 1 elseif status == 429 then denied = denied + 1 elseif status >= 500 then failed = failed + 1 end
end
function done()
  local o, d, f = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); d = d + t:get("denied"); f = f + t:get("failed") end
  io.write(string.format("answered %d %d %d\n", o, d, f))
end
LUA

# what Redis charged: the customer's current-period quota counter
charged() {
  local key
  key=$(redis-cli -p 6379 --scan --pattern "mg:{$reseller}:q:$customer:*" | sort | tail -1)
  redis-cli -p 6379 GET "$key"
}
# what usage-service recorded for the customer in the current period
recorded() {
  curl -fsS -H "Authorization: Bearer $(token platform-admin platform-admin)" "$USAGE/v1/usage/tenants/$customer/summary?period=current" \
    | python3 -c "import json,sys; s=json.load(sys.stdin); print(s['allowed'] + s['shadowDenied'])"
}

# restarts line $1 of the PID file (2 plans, 3 enforcement, 4 usage) after kill -9
kill_and_restart() {
  local line=$1 name=$2 jvm=$3 pid new
  pid=$(sed -n "${line}p" "$PIDS")
  kill -9 "$pid"
  # shellcheck disable=SC2086
  java $jvm -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" >> "$RUN_DIR/$name.log" 2>&1 &
  new=$!
  sed -i "${line}s/.*/$new/" "$PIDS"
}

printf '%-28s %8s %8s %6s %10s %10s %6s %11s\n' fault 200 429 5xx charged recorded lost duplicated
inject() {
  local fault=$1 line=$2 name=$3 jvm=$4 before_charged before_recorded out after_charged after_recorded
  before_charged=$(charged) before_recorded=$(recorded)
  out=$(mktemp)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_FAULT}s" -s "$lua" "$ENFORCEMENT/v1/check" > "$out" 2>&1 &
  local load=$!
  sleep $((SECONDS_PER_FAULT / 3))
  kill_and_restart "$line" "$name" "$jvm"
  wait "$load" || true
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$5/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.5
  done
  # every decision is in usage-service within seconds once both services run; wait until it settles
  after_charged=$(charged)
  for _ in $(seq 1 60); do
    after_recorded=$(recorded)
    [ "$((after_recorded - before_recorded))" -ge "$((after_charged - before_charged))" ] && break
    sleep 1
  done
  local c=$((after_charged - before_charged)) r=$((after_recorded - before_recorded))
  read -r _ ok denied failed < <(grep '^answered' "$out")
  printf '%-28s %8d %8d %6d %10d %10d %6d %11d\n' "$fault" "$ok" "$denied" "$failed" "$c" "$r" \
    $((c > r ? c - r : 0)) $((r > c ? r - c : 0))
  rm -f "$out"
}
inject "kill -9 enforcement-service" 3 enforcement-service "${ENFORCEMENT_JVM:--Xms1g -Xmx1g -XX:+UseParallelGC}" 8082
inject "kill -9 usage-service" 4 usage-service "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1" 8083
rm -f "$lua"
