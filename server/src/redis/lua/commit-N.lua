--[[
  commit-N: the one write path for project state. Checks preconditions, then applies writes, bumps
  the project revision and appends the audit event, all or nothing. Every key of one call belongs
  to one project (one hash tag), so it is Cluster-safe.

  KEYS: every key the plan names, addressed by 1-based index.
  ARGV[1]: plan JSON
    checks: array of
      { t = "absent",  k }             key must not exist             -> fail "EXISTS"
      { t = "exists",  k }             key must exist                 -> fail "MISSING"
      { t = "version", k, v }          doc at k must have version v   -> fail "MISSING" | "VERSION" (actual)
      { t = "rev",     k, v }          project revision must equal v  -> fail "REV" (actual)
      { t = "quota",   q, p, f, v, limit? }
                                       sum of HASH q (field f replaced by v, v < 0: removed) must be
                                       <= limit (or the quotaBytes of the project doc at p); a limit
                                       of 0 means no limit             -> fail "QUOTA" (sum, limit)
    writes: array of
      { t = "set", k, v } | { t = "del", k } | { t = "hset", k, f, v } | { t = "hdel", k, f }
      { t = "ladd", k, f, m }          add m to the comma-separated list in HASH field f (once)
      { t = "lrem", k, f, m }          remove m from that list; the field goes when it is empty
    rev: index of the project revision key (INCR after writes)
    event: { k, maxlen, type, data }  XADD k MAXLEN ~ maxlen * type <type> data <data>
    deadline: Redis time (ms) after which nothing is written: the caller has been told the write
                  failed (its command timed out) and must not find it applied later
  Returns: { "OK", eventId or "" }  or  { "FAIL", checkIndex (1-based), reason, detail1, detail2 }
           or { "LATE" }
]]
local plan = cjson.decode(ARGV[1])

if plan.deadline then
  local now = redis.call('TIME')
  if tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) > plan.deadline then return { 'LATE' } end
end

local function docVersion(key)
  local raw = redis.call('GET', key)
  if not raw then return nil end
  return tonumber(cjson.decode(raw).version) or 0
end

for i, c in ipairs(plan.checks or {}) do
  local t = c.t
  if t == 'absent' then
    if redis.call('EXISTS', KEYS[c.k]) == 1 then return { 'FAIL', i, 'EXISTS' } end
  elseif t == 'exists' then
    if redis.call('EXISTS', KEYS[c.k]) == 0 then return { 'FAIL', i, 'MISSING' } end
  elseif t == 'version' then
    local v = docVersion(KEYS[c.k])
    if v == nil then return { 'FAIL', i, 'MISSING' } end
    if v ~= c.v then return { 'FAIL', i, 'VERSION', tostring(v) } end
  elseif t == 'rev' then
    local r = tonumber(redis.call('GET', KEYS[c.k]) or '0')
    if r ~= c.v then return { 'FAIL', i, 'REV', tostring(r) } end
  elseif t == 'quota' then
    local limit = c.limit
    if limit == nil then
      local raw = redis.call('GET', KEYS[c.p])
      limit = raw and tonumber(cjson.decode(raw).quotaBytes) or 0
    end
    if limit > 0 then
      local flat = redis.call('HGETALL', KEYS[c.q])
      local sum = 0
      for j = 1, #flat, 2 do
        if flat[j] ~= c.f then sum = sum + tonumber(flat[j + 1]) end
      end
      if c.v and c.v >= 0 then sum = sum + c.v end
      if sum > limit then
        return { 'FAIL', i, 'QUOTA', string.format('%.0f', sum), string.format('%.0f', limit) }
      end
    end
  else
    return redis.error_reply('commit: unknown check ' .. tostring(t))
  end
end

local function listAdd(csv, m)
  if not csv or csv == '' then return m end
  for item in string.gmatch(csv, '[^,]+') do
    if item == m then return csv end
  end
  return csv .. ',' .. m
end

local function listRemove(csv, m)
  local out = {}
  for item in string.gmatch(csv or '', '[^,]+') do
    if item ~= m then out[#out + 1] = item end
  end
  return table.concat(out, ',')
end

for _, w in ipairs(plan.writes or {}) do
  local t, key = w.t, KEYS[w.k]
  if t == 'set' then
    redis.call('SET', key, w.v)
  elseif t == 'del' then
    redis.call('DEL', key)
  elseif t == 'hset' then
    redis.call('HSET', key, w.f, w.v)
  elseif t == 'hdel' then
    redis.call('HDEL', key, w.f)
  elseif t == 'ladd' then
    redis.call('HSET', key, w.f, listAdd(redis.call('HGET', key, w.f), w.m))
  elseif t == 'lrem' then
    local rest = listRemove(redis.call('HGET', key, w.f), w.m)
    if rest == '' then redis.call('HDEL', key, w.f) else redis.call('HSET', key, w.f, rest) end
  else
    return redis.error_reply('commit: unknown write ' .. tostring(t))
  end
end

if plan.rev then redis.call('INCR', KEYS[plan.rev]) end

local id = ''
if plan.event then
  local e = plan.event
  id = redis.call('XADD', KEYS[e.k], 'MAXLEN', '~', e.maxlen, '*', 'type', e.type, 'data', e.data)
end
return { 'OK', id }
