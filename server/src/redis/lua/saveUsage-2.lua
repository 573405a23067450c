--[[
  saveUsage-2: store one project's usage samples, only for namespaces that still exist, and drop
  samples of namespaces deleted since (so a collector pass racing a delete leaves nothing behind).
  KEYS[1]: the project's index HASH   KEYS[2]: the project's usage HASH
  ARGV[1]: the index field listing the namespaces; then pairs namespace, sample JSON
  Returns: the number of samples stored.
]]
local live = {}
for ns in string.gmatch(redis.call('HGET', KEYS[1], ARGV[1]) or '', '[^,]+') do live[ns] = true end
local stored = 0
for i = 2, #ARGV, 2 do
  if live[ARGV[i]] then
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    stored = stored + 1
  end
end
for _, ns in ipairs(redis.call('HKEYS', KEYS[2])) do
  if not live[ns] then redis.call('HDEL', KEYS[2], ns) end
end
return stored
