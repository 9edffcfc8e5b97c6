-- Puts a token bucket taken from the old root's tree under the new root (ADR 0016). If checks
-- meanwhile created the bucket there, the one with fewer tokens stays: a move never grants a
-- fresh burst. The state is charge.lua's "tokens:updatedAt" string; its lifetime goes with it.
--
-- KEYS[1] the bucket under the new root's hash tag
-- ARGV[1] the state taken from the old key
-- ARGV[2] the old key's remaining lifetime in ms (-1: none)
-- Returns 1 when the moved state was stored, 0 when the existing bucket had fewer tokens.

local function tokens(state)
  local colon = string.find(state, ':', 1, true)
  if not colon then
    return nil
  end
  return tonumber(string.sub(state, 1, colon - 1))
end

local current = redis.call('GET', KEYS[1])
if current then
  local there, moved = tokens(current), tokens(ARGV[1])
  if there and moved and there <= moved then
    return 0
  end
end
local ttl = tonumber(ARGV[2])
if ttl > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
else
  redis.call('SET', KEYS[1], ARGV[1])
end
return 1
