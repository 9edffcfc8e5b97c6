-- Takes a counter off the key it had under its old root (ADR 0016): its value and remaining
-- lifetime, deleting it in the same step, so no charge slips in between and a second delivery of
-- the same move finds nothing to take.
--
-- KEYS[1] the counter under the old root's hash tag
-- Returns {value, pttl} (pttl -1: no expiry), or nil when there is no such counter.

local value = redis.call('GET', KEYS[1])
if not value then
  return nil
end
local ttl = redis.call('PTTL', KEYS[1])
redis.call('DEL', KEYS[1])
return {value, ttl}
