#!/usr/bin/env bash
# Stops what scripts/run.sh started, newest first, by the PIDs it recorded (never by name).
set -uo pipefail
cd "$(dirname "$0")/.."
PIDS=target/run/pids
[ -s "$PIDS" ] || { echo "Nothing to stop."; exit 0; }
for pid in $(tac "$PIDS"); do
  kill -TERM "$pid" 2>/dev/null || continue
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
done
: > "$PIDS"
echo "MetricGate stopped."
