-- Rebuilds quota counters that Redis lost (ADR 0019) from what usage-service recorded, once per
-- tenant: a tenant whose seed marker exists was seeded already (by this or another instance) and is
-- left alone. A counter that exists is kept (it was charged after the seed, or predates markers).
--
-- KEYS     per tenant: the quota counter of the current period, then the tenant's seed marker
-- ARGV[i]  per tenant: the cost units usage-service recorded in the period, then the counter's
--          lifetime in ms (the end of the period plus a day, as the charge script sets it)
-- Returns the number of tenants seeded by this call.

local seeded = 0
for t = 1, #KEYS / 2 do
  local counter, marker = KEYS[2 * t - 1], KEYS[2 * t]
  if redis.call('EXISTS', marker) == 0 then
    local used, ttl = tonumber(ARGV[2 * t - 1]), tonumber(ARGV[2 * t])
    if used > 0 and ttl > 0 then
      redis.call('SET', counter, used, 'NX', 'PX', ttl)
    end
    redis.call('SET', marker, '1')
    seeded = seeded + 1
  end
end
return seeded
