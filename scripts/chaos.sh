#!/usr/bin/env bash
# Fault injection against the running system (`make start`): drives POST /v1/check with wrk while a
# fault is injected, then prints, per fault, what was answered, what Redis charged and what
# usage-service recorded (ADR 0018, docs/reliability.md). Faults, one after another: kill -9 of
# enforcement-service and of usage-service (each restarted with the command scripts/run.sh uses),
# Kafka killed and restarted 60 s later, Redis killed -9 and restarted at once (each with its own
# command line, as a service manager would).
# Environment: CHAOS_SECONDS (load per fault, default 20), CHAOS_CONNECTIONS (default 16),
# CHAOS_KAFKA_DOWN (default 60), CHAOS_FAULTS (default "enforcement usage kafka redis").
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

# decisions enforcement-service made without Redis (fail-soft): recorded by usage-service, not
# charged in Redis (a quota cannot be counted per instance, ADR 0012)
fail_soft() {
  curl -fsS "$ENFORCEMENT/actuator/prometheus" 2>/dev/null \
    | awk '/^metricgate_fallbacks_total\{.*mode="fail_soft"/ { sum += $NF } END { printf "%d\n", sum }'
}

await_up() {
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 0.5
  done
  echo "port $1 did not come back" >&2
  return 1
}

# kill -9 line $1 of the PID file (2 plans, 3 enforcement, 4 usage) and start it again
kill_service() {
  local line=$1 name=$2 jvm=$3 port=$4 pid new
  pid=$(sed -n "${line}p" "$PIDS")
  kill -9 "$pid"
  # shellcheck disable=SC2086
  java $jvm -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" >> "$RUN_DIR/$name.log" 2>&1 &
  new=$!
  sed -i "${line}s/.*/$new/" "$PIDS"
  await_up "$port"
}

# kills a process and starts it again with the same command line, working directory and log: what a
# service manager does. $1 pid, $2 seconds it stays down, $3 log file, $4 file to record the new PID in
restart_same() {
  local pid=$1 down=$2 log=$3 record=$4 dir new
  local -a command
  mapfile -d '' command < "/proc/$pid/cmdline"
  dir=$(readlink "/proc/$pid/cwd")
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  sleep "$down"
  (cd "$dir" && exec setsid "${command[@]}" >> "$log" 2>&1 < /dev/null) &
  new=$!
  echo "$new" > "$record"
  # stopped with the rest by make stop (newest first)
  echo "$new" >> "$PIDS"
}

kafka_pid() {
  local pid
  pid=$(cat "$RUN_DIR/kafka.pid" 2>/dev/null || true)
  kill -0 "$pid" 2>/dev/null && { echo "$pid"; return; }
  sed -n 's/^  kafka .*(pid \([0-9]*\)).*/\1/p' "$RUN_DIR/dev-stack.log"
}

fault_enforcement() { kill_service 3 enforcement-service "${ENFORCEMENT_JVM:--Xms1g -Xmx1g -XX:+UseParallelGC}" 8082; }
fault_usage() { kill_service 4 usage-service "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1" 8083; }
fault_kafka() {
  restart_same "$(kafka_pid)" "$KAFKA_DOWN" "$PWD/$RUN_DIR/kafka.log" "$RUN_DIR/kafka.pid"
  for _ in $(seq 1 120); do (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null && return 0; sleep 0.5; done
}
# Redis rewrites its process title, so it starts again with the settings dev-stack gives it (AOF,
# fsync every second) on the same data directory
fault_redis() {
  local pid exe dir new log=$PWD/$RUN_DIR/redis.log
  pid=$(redis-cli -p 6379 INFO server | tr -d '\r' | sed -n 's/^process_id://p')
  # not /proc/<pid>/exe: Debian's redis-server is a link to one binary that acts by the name it is run as
  exe=$(command -v redis-server || readlink "/proc/$pid/exe")
  dir=$(redis-cli -p 6379 CONFIG GET dir | sed -n 2p)
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  (cd "$dir" && exec setsid "$exe" --port 6379 --bind 127.0.0.1 --dir "$dir" --appendonly yes \
    --appendfsync everysec --save "" >> "$log" 2>&1 < /dev/null) &
  new=$!
  echo "$new" > "$RUN_DIR/redis.pid"
  echo "$new" >> "$PIDS"
  for _ in $(seq 1 100); do redis-cli -p 6379 PING 2>/dev/null | grep -q PONG && return 0; sleep 0.1; done
}

printf '%-34s %7s %6s %5s %9s %9s %9s %5s %10s\n' fault 200 429 5xx charged fail-soft recorded lost duplicated
# $1 name, $2 the fault (a function), $3 seconds of load; the fault starts a quarter of the way in
inject() {
  local fault=$1 action=$2 seconds=$3 before_charged before_recorded before_soft out
  # start from a settled state: everything charged so far is recorded
  for _ in $(seq 1 120); do
    before_charged=$(charged) before_soft=$(fail_soft) before_recorded=$(recorded)
    [ "$before_recorded" -ge "$before_charged" ] && break
    sleep 1
  done
  out=$(mktemp)
  wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -s "$lua" "$ENFORCEMENT/v1/check" > "$out" 2>&1 &
  local load=$!
  sleep $((seconds / 4))
  "$action"
  wait "$load" || true
  await_up 8082 && await_up 8083
  # every decision is in usage-service within seconds once everything runs; wait until it settles
  local after_charged after_recorded after_soft expected
  after_charged=$(charged) after_soft=$(fail_soft)
  expected=$(( after_charged - before_charged + (after_soft >= before_soft ? after_soft - before_soft : after_soft) ))
  for _ in $(seq 1 120); do
    after_recorded=$(recorded)
    [ "$((after_recorded - before_recorded))" -ge "$expected" ] && break
    sleep 1
  done
  local c=$((after_charged - before_charged)) s=$((after_soft - before_soft)) r=$((after_recorded - before_recorded))
  # a restarted enforcement-service counts from zero again
  [ "$s" -lt 0 ] && s=$after_soft
  read -r _ ok denied failed < <(grep '^answered' "$out")
  printf '%-34s %7d %6d %5d %9d %9d %9d %5d %10d\n' "$fault" "$ok" "$denied" "$failed" "$c" "$s" "$r" \
    $((c + s > r ? c + s - r : 0)) $((r > c + s ? r - c - s : 0))
  rm -f "$out"
}
KAFKA_DOWN=${CHAOS_KAFKA_DOWN:-60}
faults=${CHAOS_FAULTS:-enforcement usage kafka redis}
for fault in $faults; do
  case $fault in
    enforcement) inject "kill -9 enforcement-service" fault_enforcement "$SECONDS_PER_FAULT" ;;
    usage) inject "kill -9 usage-service" fault_usage "$SECONDS_PER_FAULT" ;;
    kafka) inject "Kafka killed, down ${KAFKA_DOWN} s" fault_kafka $((KAFKA_DOWN + SECONDS_PER_FAULT)) ;;
    redis) inject "Redis killed -9 and restarted" fault_redis "$SECONDS_PER_FAULT" ;;
    *) echo "unknown fault $fault (enforcement, usage, kafka, redis)" >&2; exit 1 ;;
  esac
done
rm -f "$lua"
