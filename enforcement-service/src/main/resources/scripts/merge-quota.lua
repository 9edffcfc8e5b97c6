-- Adds a quota counter taken from the old root's tree to the same period's counter under the new
-- root (ADR 0016). Checks admitted between the move's evictions and this script were charged
-- there already: both count. The counter lives as long as the longer of the two lifetimes.
--
-- KEYS[1] the period's counter under the new root's hash tag
-- ARGV[1] the count taken from the old key
-- ARGV[2] the old key's remaining lifetime in ms (-1: none)
-- Returns the counter's new value.

local before = redis.call('PTTL', KEYS[1])
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = tonumber(ARGV[2])
if ttl > 0 and (before == -2 or (before > 0 and before < ttl)) then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return total
