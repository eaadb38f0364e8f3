-- One request against a user's token bucket, atomically.
-- KEYS[1]: the bucket. ARGV[1]: tokens per second. ARGV[2]: burst (capacity).
-- Returns { allowed (1|0), whole tokens remaining, seconds until a token is available (0 when allowed) }.
-- Time comes from the Redis server, so that every gateway instance shares one clock.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now

local elapsed = math.max(0, now - updated)
tokens = math.min(burst, tokens + elapsed * rate / 1000000)

local allowed = 0
local retry_after = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry_after = math.max(1, math.ceil((1 - tokens) / rate))
end

redis.call('HSET', KEYS[1], 'tokens', tokens, 'updated', math.max(now, updated))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, math.floor(tokens), retry_after }
