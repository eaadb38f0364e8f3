-- One request against a user's token bucket and daily quota, atomically.
-- KEYS[1]: the user's hash. ARGV[1]: tokens per second. ARGV[2]: burst (capacity).
-- ARGV[3]: requests allowed per UTC day, 0 for no daily quota.
-- Returns { allowed (1|0), whole requests remaining (the smaller of bucket and quota),
--           seconds until a request may pass (0 when allowed) }.
-- Time comes from the Redis server, so that every gateway instance shares one clock. A request refused by
-- either limit spends nothing; an allowed one spends a token and, with a quota, one request of the day.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local quota = tonumber(ARGV[3])
local time = redis.call('TIME')
local seconds = tonumber(time[1])
local now = seconds * 1000000 + tonumber(time[2])
local day = math.floor(seconds / 86400)
local until_midnight = 86400 - seconds % 86400

local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated', 'day', 'used')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
local used = 0
if tonumber(state[3]) == day then
  used = tonumber(state[4]) or 0
end

local elapsed = math.max(0, now - updated)
tokens = math.min(burst, tokens + elapsed * rate / 1000000)

local allowed = 0
local retry_after = 0
if quota > 0 and used >= quota then
  retry_after = until_midnight
elseif tokens >= 1 then
  tokens = tokens - 1
  used = used + 1
  allowed = 1
else
  retry_after = math.max(1, math.ceil((1 - tokens) / rate))
end

local remaining = math.floor(tokens)
local expire_ms = math.ceil(burst / rate * 1000) + 1000
redis.call('HSET', KEYS[1], 'tokens', tokens, 'updated', math.max(now, updated))
if quota > 0 then
  remaining = math.min(remaining, quota - used)
  redis.call('HSET', KEYS[1], 'day', day, 'used', used)
  expire_ms = math.max(expire_ms, until_midnight * 1000 + 1000)
end
redis.call('PEXPIRE', KEYS[1], expire_ms)
return { allowed, remaining, retry_after }
