-- wrk script of the enforcement benchmark (bench/run.sh).
-- BENCH_MODE: "check" cycles through BENCH_KEYS keys from index BENCH_FIRST_KEY on (mg_bench_000000 ...
-- by default), "hot" uses key BENCH_FIRST_KEY alone,
-- "ping" calls GET /v1/ping, "bare" the benchmark's reference GET /v1/check (one EVALSHA, nothing else),
-- "floor" GET /v1/check?charge (the charge script alone, for the keys in turn). done() prints one
-- machine-readable RESULT line, p99.9 included.
local mode = os.getenv("BENCH_MODE") or "check"
local keyCount = tonumber(os.getenv("BENCH_KEYS") or "10000")
local firstKey = tonumber(os.getenv("BENCH_FIRST_KEY") or "0")
-- the same routes, in the same order, as EnforcementBench.ROUTES (key i sends route i % 4)
local routes = { "GET /v1/orders", "POST /v1/orders", "GET /v1/customers", "*" }
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
local threads = 0

-- BENCH_PACE_MS > 0: each connection waits that long after an answer before its next call, so the
-- latency is measured below saturation instead of being the queue of a saturated machine
if pace > 0 then
  function delay()
    return pace
  end
end

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local prepared = {}
local next = 0

function init(args)
  if mode == "ping" then
    prepared[1] = wrk.format("GET", "/v1/ping")
    return
  end
  if mode == "floor" then
    prepared[1] = wrk.format("GET", "/v1/check?charge")
    return
  end
  if mode == "bare" then
    prepared[1] = wrk.format("GET", "/v1/check")
    return
  end
  local n = (mode == "hot") and 1 or keyCount
  -- each thread starts at a different place in the key space
  local offset = ((tid or 0) * 7919) % n
  for i = 0, n - 1 do
    local index = firstKey + (i + offset) % n
    local key = string.format("mg_bench_%06d", index)
    local body = '{"route":"' .. routes[(index % #routes) + 1] .. '","cost":1}'
    prepared[i + 1] = wrk.format("POST", "/v1/check",
      { ["X-Api-Key"] = key, ["Content-Type"] = "application/json" }, body)
  end
end

function request()
  next = next + 1
  if next > #prepared then next = 1 end
  return prepared[next]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d socket_errors=%d non2xx=%d p50_us=%d p99_us=%d p999_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
