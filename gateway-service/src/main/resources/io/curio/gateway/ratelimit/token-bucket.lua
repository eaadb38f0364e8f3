-- One request against a user's token bucket and daily quota, atomically: decide first, then consume, so that a
-- request refused by one limit spends nothing from the other.
-- KEYS[1]: the bucket. KEYS[2]: the user's request count for the current UTC day.
-- ARGV[1]: tokens per second. ARGV[2]: burst (capacity). ARGV[3]: requests per UTC day, 0 for no quota.
-- Returns { allowed (1|0), requests remaining (the smaller of whole tokens and quota left),
--           seconds to wait (0 when allowed), limit hit (0 none, 1 burst, 2 daily) }.
-- Time comes from the Redis server, so that every gateway instance shares one clock.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local quota = tonumber(ARGV[3])
local time = redis.call('TIME')
local seconds = tonumber(time[1])
local now = seconds * 1000000 + tonumber(time[2])
local until_day_ends = 86400 - seconds % 86400

local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate / 1000000)

local used = 0
if quota > 0 then
  used = tonumber(redis.call('GET', KEYS[2])) or 0
end

local allowed = 0
local retry_after = 0
local limit_hit = 0
if quota > 0 and used >= quota then
  retry_after = until_day_ends
  limit_hit = 2
elseif tokens < 1 then
  retry_after = math.max(1, math.ceil((1 - tokens) / rate))
  limit_hit = 1
else
  allowed = 1
  tokens = tokens - 1
  if quota > 0 then
    used = redis.call('INCR', KEYS[2])
    -- an hour past the day's end, so that a gateway whose clock runs behind Redis's still finds the count
    redis.call('EXPIRE', KEYS[2], until_day_ends + 3600)
  end
end

redis.call('HSET', KEYS[1], 'tokens', tokens, 'updated', math.max(now, updated))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)

local remaining = math.floor(tokens)
if quota > 0 then
  remaining = math.max(0, math.min(remaining, quota - used))
end
if allowed == 0 then
  remaining = 0
end
return { allowed, remaining, retry_after, limit_hit }
