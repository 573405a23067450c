--[[
  unlock-1: release a lock only if we still hold it (a lock that expired and was taken by another
  replica must not be released by us).
  KEYS[1]: the lock key. ARGV[1]: our lock token.
  Returns 1 if released, 0 otherwise.
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
