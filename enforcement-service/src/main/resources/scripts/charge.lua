-- Charges decisions, one after the other in the order given, each against every limit of its key's
-- tenant chain, all or nothing. Several decisions share one call when checks arrive together
-- (ADR 0017); each sees the counters as the decisions before it left them. A limit that several
-- decisions of a call charge (their reseller's bucket, say) is sent, read and written once per call
-- (ADR 0025): the script keeps the counters in Lua while it decides, and writes each one it changed
-- at the end, as one decision at a time would have left it.
--
-- Every decision is metered in the same call (ADR 0018): one entry of the usage stream KEYS[1] holds
-- the call's decisions, each as field "<n>:<verdict>:<deniedIndex>" with the usage record the
-- service passed as value. A relay forwards the stream to Kafka and trims what Kafka acknowledged,
-- so a decision that charged the counters is metered even if the instance dies right after.
--
-- KEYS[1]  the usage stream of this call's slot
-- then per limit, in order: a bucket uses 1 key (a string "tokens:updatedAt", tokens in milli-units,
--       time in ms); a quota uses 3 keys (the counter of the current billing period, of the next
--       one, and the tenant's seed marker). On Redis Cluster every key of one call is in one slot.
--
-- A quota counter that does not exist is either the first of its period or one Redis lost (flushed,
-- or a new Redis). The tenant's seed marker, set when its counters were first seeded from
-- usage-service and kept for good, tells them apart (ADR 0019): without it the decision is not made
-- here (verdict 3, nothing charged, nothing metered) and the service rebuilds the counter first.
-- ARGV[1]  now in ms, or "" to use Redis TIME (production: one clock for every instance)
-- ARGV[2]  number of limits
-- ARGV[3]  number of decisions
-- then 5 values per limit:
--   kind   "b" (token bucket) or "q" (quota)
--   shadow "1" when a denial of this limit must not deny the request
--   a      bucket: capacity in tokens | quota: limit in cost units
--   b      bucket: refill per second  | quota: end of the current period, epoch ms
--   c      bucket: unused             | quota: end of the next period, epoch ms
-- then per decision: its cost in units, its number of checks, its usage record, and the number
-- (1-based) of the limit of each check.
--
-- Returns, per decision in order, {verdict, deniedIndex (1-based, 0 = none), retryAfterMs,
-- remaining_1, resetMs_1, ...} with verdict 0 = allowed, 1 = denied (nothing charged), 2 = allowed,
-- a shadow limit denied, 3 = not decided, quota counters to rebuild (retryAfterMs is then the bit
-- mask of their check indices, bit 0 = first check): 3 + 2 * checks values per decision, all in one
-- flat array.
-- Tokens are milli-units and refill is elapsed_ms * rate, so arithmetic is exact integers
-- (far below 2^53 for any month-long gap).

local tonumber, floor, ceil, min, max = tonumber, math.floor, math.ceil, math.min, math.max
local call = redis.call

local now
if ARGV[1] == '' then
  local t = call('TIME')
  now = tonumber(t[1]) * 1000 + floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[1])
end
local limitCount = tonumber(ARGV[2])

-- per limit: its parameters, the key it charges now, and the counter it shares with the limits
-- of the call that charge the same key (the first of them)
local kinds, shadows, as, bs, ends, targets, seeds, counter = {}, {}, {}, {}, {}, {}, {}, {}
local owner = {}
local k, arg = 2, 4
for l = 1, limitCount do
  local kind = ARGV[arg]
  local b = tonumber(ARGV[arg + 3])
  kinds[l], shadows[l], as[l], bs[l] = kind, ARGV[arg + 1] == '1', tonumber(ARGV[arg + 2]), b
  local target
  if kind == 'b' then
    target = KEYS[k]
    k = k + 1
  else
    if now >= b then
      target, ends[l] = KEYS[k + 1], tonumber(ARGV[arg + 4])
    else
      target, ends[l] = KEYS[k], b
    end
    seeds[l] = KEYS[k + 2]
    k = k + 3
  end
  targets[l] = target
  counter[l] = owner[target] or l
  owner[target] = counter[l]
  arg = arg + 5
end

-- the counters, read once: a bucket's tokens and time (nil: none, i.e. full), a quota's units used,
-- whether its tenant was never seeded, and what this call added to it
local values = call('MGET', unpack(targets, 1, limitCount))
local tokens, stamps, used, unseeded, added, ttls = {}, {}, {}, {}, {}, {}
for l = 1, limitCount do
  if counter[l] == l then
    local value = values[l]
    if kinds[l] == 'b' then
      if value then
        local colon = string.find(value, ':', 1, true)
        if colon then
          tokens[l] = tonumber(string.sub(value, 1, colon - 1))
          stamps[l] = tonumber(string.sub(value, colon + 1))
        end
      end
      if tokens[l] == nil or stamps[l] == nil then
        tokens[l], stamps[l] = nil, nil
      end
    else
      used[l] = tonumber(value or '0')
      unseeded[l] = not value and call('EXISTS', seeds[l]) == 0
      added[l] = 0
    end
  end
end

local result, size = {}, 0
local metered, fields = {}, 0

-- per check of the decision being made, reused from one decision to the next (index 1..n)
local checks, allows, before, after, caps, times = {}, {}, {}, {}, {}, {}

-- one decision: its checks' limit numbers start at ARGV[arg]; appends its answer to result
local function decide(cost, n)
  local hardDenied, hardRetry, shadowDenied, shadowRetry = 0, -1, 0, -1
  local lost, firstLost = 0, 0

  for i = 1, n do
    local l = tonumber(ARGV[arg + i - 1])
    checks[i] = l
    local c = counter[l]
    local a, b = as[l], bs[l]
    local retry
    if kinds[l] == 'b' then
      local capacity = a * 1000
      local have, at = tokens[c], stamps[c]
      if have == nil then
        have, at = capacity, now
      end
      if now > at and b > 0 then
        have = min(capacity, have + (now - at) * b)
      end
      local need = cost * 1000
      allows[i] = have >= need
      before[i] = have
      after[i] = allows[i] and have - need or have
      caps[i] = capacity
      times[i] = max(at, now)
      if b > 0 then
        retry = ceil((need - have) / b)
      else
        retry = 86400000
      end
    else
      if unseeded[c] then
        lost = lost + 2 ^ (i - 1)
        if firstLost == 0 then firstLost = i end
      end
      local units = used[c]
      allows[i] = units + cost <= a
      before[i] = units
      after[i] = allows[i] and units + cost or units
      retry = ends[l] - now
    end
    if not allows[i] then
      if shadows[l] then
        if retry > shadowRetry then shadowDenied, shadowRetry = i, retry end
      elseif retry > hardRetry then
        hardDenied, hardRetry = i, retry
      end
    end
  end
  arg = arg + n

  if lost > 0 then
    result[size + 1], result[size + 2], result[size + 3] = 3, firstLost, lost
    size = size + 3
    for i = 1, 2 * n do
      result[size + i] = 0
    end
    size = size + 2 * n
    return false
  end

  local charged = hardDenied == 0
  if charged then
    for i = 1, n do
      if allows[i] then
        local l = checks[i]
        local c = counter[l]
        if kinds[l] == 'b' then
          tokens[c], stamps[c] = after[i], times[i]
          -- a bucket left alone until it is full again is the same as no bucket: let it expire
          if bs[l] > 0 then ttls[c] = ceil(caps[i] / bs[l]) + 1000 else ttls[c] = 2678400000 end
        else
          used[c] = after[i]
          added[c] = added[c] + cost
        end
      end
    end
    result[size + 1], result[size + 2], result[size + 3] = shadowDenied > 0 and 2 or 0, shadowDenied, 0
  else
    result[size + 1], result[size + 2], result[size + 3] = 1, hardDenied, hardRetry
  end
  size = size + 3

  for i = 1, n do
    local l = checks[i]
    local value = (charged and allows[i]) and after[i] or before[i]
    if kinds[l] == 'b' then
      result[size + 1] = floor(value / 1000)
      result[size + 2] = bs[l] > 0 and ceil((caps[i] - value) / bs[l]) or 86400000
    else
      result[size + 1], result[size + 2] = max(0, as[l] - value), ends[l] - now
    end
    size = size + 2
  end
  return true
end

for d = 1, tonumber(ARGV[3]) do
  local cost, n, usage = tonumber(ARGV[arg]), tonumber(ARGV[arg + 1]), ARGV[arg + 2]
  arg = arg + 3
  local first = size + 1
  if decide(cost, n) then
    metered[fields + 1], metered[fields + 2] = d .. ':' .. result[first] .. ':' .. result[first + 1], usage
    fields = fields + 2
  end
end

-- each counter the call changed, written once, as the last decision that charged it left it
for l = 1, limitCount do
  if ttls[l] then
    call('SET', targets[l], string.format('%d:%d', tokens[l], stamps[l]), 'PX', ttls[l])
  elseif added[l] and added[l] > 0 then
    if call('INCRBY', targets[l], added[l]) == added[l] then
      -- first charge of the period: the counter outlives the period by a day. The lifetime is
      -- measured from this script's clock (the one that chose the period), not Redis's own:
      -- Redis only counts it down (ADR 0008).
      call('PEXPIRE', targets[l], ends[l] + 86400000 - now)
    end
  end
end
if fields > 0 then
  call('XADD', KEYS[1], '*', unpack(metered))
end
return result
