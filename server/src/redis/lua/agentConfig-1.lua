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
  Returns: {} if the service does not exist, else
           { serviceDoc, projectDoc, n, ns_1 .. ns_n, binding_1 .. binding_n, namespace_1 .. namespace_n }
           (a missing binding or namespace document comes back as false)
]]
local svc = redis.call('GET', KEYS[1])
if not svc then return {} end
local out = { svc, redis.call('GET', ARGV[7]) or false }
local names = {}
for ns in string.gmatch(redis.call('HGET', ARGV[1], ARGV[2]) or '', '[^,]+') do
  names[#names + 1] = ns
end
out[#out + 1] = #names
for _, ns in ipairs(names) do out[#out + 1] = ns end
for _, ns in ipairs(names) do out[#out + 1] = redis.call('GET', ARGV[3] .. ns .. ARGV[4]) or false end
for _, ns in ipairs(names) do out[#out + 1] = redis.call('GET', ARGV[5] .. ns .. ARGV[6]) or false end
return out
