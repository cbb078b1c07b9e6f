-- wrk script: POST the seed's VMCheckPoint create (JSON light) to the URL given, each with its own Name.
--   wrk -t2 -c32 -d10s -s post-checkpoints.lua http://127.0.0.1:PORT/SUB/services/systemcenter/vmm/VMCheckPoints
local headers = {
  ["DataServiceVersion"] = "3.0;NetFx",
  ["MaxDataServiceVersion"] = "3.0;NetFx",
  ["Content-Type"] = "application/json;odata=minimalmetadata",
  ["Accept"] = "application/json;odata=minimalmetadata",
}
local body = '{"odata.type":"VMM.VMCheckPoint","Name":"Checkpoint %d",'
  .. '"StampId":"d70c1a9b-c241-48f5-880a-b6c36071e653","VMId":"f11b61fa-b5c7-4807-93b4-f9b371896c6f"}'
local sent = 0

function request()
  sent = sent + 1
  return wrk.format("POST", nil, headers, string.format(body, sent))
end
