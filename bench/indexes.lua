-- wrk script of bench/indexes.sh: builds a world of V VMs (each with one network adapter) and C checkpoints
-- (C / V per VM) with POSTs, then reads it. The URL is the tenant's service root (…/services/systemcenter/vmm/);
-- the arguments after "--" are MODE V C T [N], T being wrk's thread count (-t):
--   vms, adapters, checkpoints  create them; thread t of T creates numbers t, t + T, t + 2T, …, then starts
--                               over (a request wrk drops is made then; the rest answer 409) until
--                               bench/indexes.sh stops it: the set ends with exactly V (or C)
--   key                         GET VMCheckPoints(ID=…,StampId=…) of a random checkpoint
--   filter                      GET VMCheckPoints?$filter=VMId eq guid'…' of a random VM (C / V checkpoints)
--   expand                      GET N VMs with $expand of their adapters and checkpoints ($select: names only)
-- Every GUID is a function of its number, so a reader knows the keys without asking.
local stamp = "d70c1a9b-c241-48f5-880a-b6c36071e653"
local headers = {
  ["DataServiceVersion"] = "3.0;NetFx",
  ["MaxDataServiceVersion"] = "3.0;NetFx",
  ["Content-Type"] = "application/json;odata=minimalmetadata",
  ["Accept"] = "application/json;odata=minimalmetadata",
}
local threads = {}
local mode, vms, checkpoints, n
local next_number, step

local function vm(k) return string.format("00000000-0000-4000-8000-%012d", k) end
local function adapter(k) return string.format("00000001-0000-4000-8000-%012d", k) end
local function checkpoint(j) return string.format("00000002-0000-4000-8000-%012d", j) end

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  mode, vms, checkpoints, step, n = args[1], tonumber(args[2]), tonumber(args[3]), tonumber(args[4]),
    tonumber(args[5] or "0")
  next_number = id
  math.randomseed(id * 7919 + os.time())
end

local function create(path, body)
  return wrk.format("POST", wrk.path .. path, headers, body)
end

function request()
  if mode == "key" then
    local j = math.random(checkpoints)
    return wrk.format("GET", wrk.path .. "VMCheckPoints(ID=guid'" .. checkpoint(j) .. "',StampId=guid'" .. stamp
      .. "')", headers)
  elseif mode == "filter" then
    return wrk.format("GET", wrk.path .. "VMCheckPoints?$filter=VMId%20eq%20guid'" .. vm(math.random(vms)) .. "'",
      headers)
  elseif mode == "expand" then
    return wrk.format("GET", wrk.path .. "VirtualMachines?$top=" .. n .. "&$expand=VirtualNetworkAdapters,VMCheckpoints"
      .. "&$select=Name,VirtualNetworkAdapters/Name,VMCheckpoints/Name", headers)
  end
  local number = next_number
  if number > (mode == "checkpoints" and checkpoints or vms) then
    number = id -- once more from the start: what is there already is refused (409) and a lost one is made
  end
  next_number = number + step
  if mode == "vms" then
    return create("VirtualMachines", '{"ID":"' .. vm(number) .. '","StampId":"' .. stamp .. '","Name":"vm '
      .. number .. '","CloudId":"' .. stamp .. '"}')
  elseif mode == "adapters" then
    return create("VirtualNetworkAdapters", '{"ID":"' .. adapter(number) .. '","StampId":"' .. stamp
      .. '","VMId":"' .. vm(number) .. '","Name":"nic ' .. number .. '"}')
  end
  return create("VMCheckPoints", '{"odata.type":"VMM.VMCheckPoint","ID":"' .. checkpoint(number) .. '","StampId":"'
    .. stamp .. '","VMId":"' .. vm((number - 1) % vms + 1) .. '","Name":"cp ' .. number .. '"}')
end
