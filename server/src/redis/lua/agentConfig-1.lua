--[[
  agentConfig-1: everything an agent's config is made of, in one round trip (agents poll it).
  The caller verifies the token against the service document before using anything returned.
  Every key read here shares the service's hash tag, so this stays within one Cluster slot; the key
  shapes come from keys.ts through ARGV so they are spelled in one place.

  KEYS[1]: the service document.
  ARGV[1]: the project's index HASH key     ARGV[2]: the index field listing the bound namespaces
  ARGV[3], ARGV[4]: binding key = ARGV[3] .. <namespace> .. ARGV[4]
  ARGV[5], ARGV[6]: namespace key = ARGV[5] .. <namespace> .. ARGV[6]
  ARGV[7]: the project document key
  ARGV[8]: the project's password-hash HASH key   ARGV[9]: the presented token's digest (hex)
  ARGV[10]: the hash of the Redis password derived from that token
  (ARGV[8] to ARGV[10] are the agent path's only: an admin's read passes none and writes nothing.)
  Side effect: a service made before Redis users existed has no password hash yet; when the token
  presented is the service's (its digest is the current or previous one), its hash is learned here
  (HSETNX), so no extra round trip is needed. The caller still checks the token in constant time.
  Returns: {} if the service does not exist, else
           { serviceDoc, projectDoc, n, ns_1 .. ns_n, binding_1 .. binding_n, namespace_1 .. namespace_n, learned }
           (a missing binding or namespace document comes back as false; learned is 1 when a
           password hash was stored now, else 0)
]]
local svc = redis.call('GET', KEYS[1])
if not svc then return {} end
local learned = 0
if ARGV[9] and ARGV[10] then
  local auth = cjson.decode(svc).auth or {}
  if ARGV[9] == auth.digest or ARGV[9] == auth.previousDigest then
    learned = redis.call('HSETNX', ARGV[8], ARGV[9], ARGV[10])
  end
end
local out = { svc, redis.call('GET', ARGV[7]) or false }
local names = {}
for ns in string.gmatch(redis.call('HGET', ARGV[1], ARGV[2]) or '', '[^,]+') do
  names[#names + 1] = ns
end
out[#out + 1] = #names
for _, ns in ipairs(names) do out[#out + 1] = ns end
for _, ns in ipairs(names) do out[#out + 1] = redis.call('GET', ARGV[3] .. ns .. ARGV[4]) or false end
for _, ns in ipairs(names) do out[#out + 1] = redis.call('GET', ARGV[5] .. ns .. ARGV[6]) or false end
out[#out + 1] = learned
return out
