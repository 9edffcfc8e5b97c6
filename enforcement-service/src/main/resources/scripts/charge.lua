-- Charges decisions, one after the other in the order given, each against every limit of its key's
-- tenant chain, all or nothing. Several decisions share one call when checks arrive together
-- (ADR 0017); each sees the counters as the decisions before it left them.
--
-- Every decision is metered in the same call (ADR 0018): one entry of the usage stream KEYS[1] holds
-- the call's decisions, each as field "<n>:<verdict>:<deniedIndex>" with the usage record the
-- service passed as value. A relay forwards the stream to Kafka and trims what Kafka acknowledged,
-- so a decision that charged the counters is metered even if the instance dies right after.
--
-- KEYS[1]  the usage stream of this call's slot
-- then per decision, per check, in order: a bucket check uses 1 key (a string "tokens:updatedAt",
--       tokens in milli-units, time in ms); a quota check uses 3 keys (the counter of the current
--       billing period, of the next one, and the tenant's seed marker). On Redis Cluster every key of
--       one call is in one slot.
--
-- A quota counter that does not exist is either the first of its period or one Redis lost (flushed,
-- or a new Redis). The tenant's seed marker, set when its counters were first seeded from
-- usage-service and kept for good, tells them apart (ADR 0019): without it the decision is not made
-- here (verdict 3, nothing charged, nothing metered) and the service rebuilds the counter first.
-- ARGV[1]  now in ms, or "" to use Redis TIME (production: one clock for every instance)
-- ARGV[2]  number of decisions
-- then per decision: its cost in units, its number of checks, its usage record, and 5 values per
-- check:
--   kind   "b" (token bucket) or "q" (quota)
--   shadow "1" when a denial of this limit must not deny the request
--   a      bucket: capacity in tokens | quota: limit in cost units
--   b      bucket: refill per second  | quota: end of the current period, epoch ms
--   c      bucket: unused             | quota: end of the next period, epoch ms
--
-- Returns, per decision in order, {verdict, deniedIndex (1-based, 0 = none), retryAfterMs,
-- remaining_1, resetMs_1, ...} with verdict 0 = allowed, 1 = denied (nothing charged), 2 = allowed,
-- a shadow limit denied, 3 = not decided, quota counters to rebuild (retryAfterMs is then the bit
-- mask of their check indices, bit 0 = first check): 3 + 2 * checks values per decision, all in one
-- flat array.
-- Tokens are milli-units and refill is elapsed_ms * rate, so arithmetic is exact integers
-- (far below 2^53 for any month-long gap).

local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[1])
end

local result = {}
local metered = {}
local k = 2
local arg = 3

local function append(verdict, denied, retry)
  result[#result + 1] = verdict
  result[#result + 1] = denied
  result[#result + 1] = retry
end

-- per check of the decision being made, reused from one decision to the next (index 1..n)
local kinds, shadows, as, bs, targets, seeds = {}, {}, {}, {}, {}, {}
local allows, before, after, caps, rates, ends, limits, stamps = {}, {}, {}, {}, {}, {}, {}, {}

-- one decision: its checks start at ARGV[arg] and KEYS[k]; appends its answer to result
local function decide(cost, n)
  local hardDenied, hardRetry, shadowDenied, shadowRetry = 0, -1, 0, -1
  local unseeded, firstUnseeded = 0, 0

  -- the keys this decision reads, then one MGET for all of them
  for i = 1, n do
    local base = arg + (i - 1) * 5
    local kind = ARGV[base]
    kinds[i] = kind
    shadows[i] = ARGV[base + 1] == '1'
    local a, b = tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
    as[i], bs[i] = a, b
    if kind == 'b' then
      targets[i] = KEYS[k]
      k = k + 1
    else
      if now >= b then
        targets[i], ends[i] = KEYS[k + 1], tonumber(ARGV[base + 4])
      else
        targets[i], ends[i] = KEYS[k], b
      end
      seeds[i] = KEYS[k + 2]
      k = k + 3
    end
  end
  local values = redis.call('MGET', unpack(targets, 1, n))

  for i = 1, n do
    local a, b = as[i], bs[i]
    local retry
    if kinds[i] == 'b' then
      local capacity = a * 1000
      local state = values[i]
      local tokens, ts
      if state then
        local colon = string.find(state, ':', 1, true)
        tokens = tonumber(string.sub(state, 1, colon - 1))
        ts = tonumber(string.sub(state, colon + 1))
      end
      if tokens == nil or ts == nil then
        tokens = capacity
        ts = now
      end
      if now > ts and b > 0 then
        tokens = math.min(capacity, tokens + (now - ts) * b)
      end
      local need = cost * 1000
      allows[i] = tokens >= need
      before[i] = tokens
      after[i] = allows[i] and tokens - need or tokens
      caps[i] = capacity
      rates[i] = b
      stamps[i] = math.max(ts, now)
      if b > 0 then
        retry = math.ceil((need - tokens) / b)
      else
        retry = 86400000
      end
    else
      local counter = values[i]
      if not counter and redis.call('EXISTS', seeds[i]) == 0 then
        unseeded = unseeded + 2 ^ (i - 1)
        if firstUnseeded == 0 then firstUnseeded = i end
      end
      local used = tonumber(counter or '0')
      allows[i] = used + cost <= a
      before[i] = used
      after[i] = allows[i] and used + cost or used
      limits[i] = a
      retry = ends[i] - now
    end
    if not allows[i] then
      if shadows[i] then
        if retry > shadowRetry then shadowDenied, shadowRetry = i, retry end
      elseif retry > hardRetry then
        hardDenied, hardRetry = i, retry
      end
    end
  end

  if unseeded > 0 then
    append(3, firstUnseeded, unseeded)
    for i = 1, n do
      result[#result + 1] = 0
      result[#result + 1] = 0
    end
    arg = arg + n * 5
    return false
  end

  local charged = hardDenied == 0
  if charged then
    for i = 1, n do
      if allows[i] then
        if kinds[i] == 'b' then
          -- a bucket left alone until it is full again is the same as no bucket: let it expire
          local ttl = 2678400000
          if rates[i] > 0 then ttl = math.ceil(caps[i] / rates[i]) + 1000 end
          redis.call('SET', targets[i], string.format('%d:%d', after[i], stamps[i]), 'PX', ttl)
        else
          if redis.call('INCRBY', targets[i], cost) == cost then
            -- first charge of the period: the counter outlives the period by a day. The lifetime is
            -- measured from this script's clock (the one that chose the period), not Redis's own:
            -- Redis only counts it down (ADR 0008).
            redis.call('PEXPIRE', targets[i], ends[i] + 86400000 - now)
          end
        end
      end
    end
    if shadowDenied > 0 then
      append(2, shadowDenied, 0)
    else
      append(0, 0, 0)
    end
  else
    append(1, hardDenied, hardRetry)
  end

  for i = 1, n do
    local value = (charged and allows[i]) and after[i] or before[i]
    if kinds[i] == 'b' then
      result[#result + 1] = math.floor(value / 1000)
      if rates[i] > 0 then
        result[#result + 1] = math.ceil((caps[i] - value) / rates[i])
      else
        result[#result + 1] = 86400000
      end
    else
      result[#result + 1] = math.max(0, limits[i] - value)
      result[#result + 1] = ends[i] - now
    end
  end
  arg = arg + n * 5
  return true
end

for d = 1, tonumber(ARGV[2]) do
  local cost, n, usage = tonumber(ARGV[arg]), tonumber(ARGV[arg + 1]), ARGV[arg + 2]
  arg = arg + 3
  local first = #result + 1
  if decide(cost, n) then
    metered[#metered + 1] = d .. ':' .. result[first] .. ':' .. result[first + 1]
    metered[#metered + 1] = usage
  end
end
if #metered > 0 then
  redis.call('XADD', KEYS[1], '*', unpack(metered))
end
return result
