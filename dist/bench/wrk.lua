-- wrk script of dist/bench/run: counts answers by status and prints p99.9 (wrk --latency stops at 99 %).
--   wrk ... -s wrk.lua -- [sessions FILE [redeem ITEM_ID]]
-- sessions FILE: each request takes the next member's session (one token per line, the kindred_session cookie);
-- redeem ITEM_ID: each request is POST /api/v1/shop/redemptions of one of that item.
-- checkin THREADS: each request is POST /api/v1/checkins by a member who has not checked in yet (the tokens are
--   split between the THREADS wrk threads, each used once).
-- done() prints "p99.9_us N" and "status CODE N" lines for the harness to read.
local threads = {}
local tokens = {}
local next_token = 0
local redeem_item = nil
local checkin = false
counts = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  checkin = args[3] == "checkin"
  if args[1] == "sessions" then
    local n, i = tonumber(args[4]) or 1, 0
    for line in io.lines(args[2]) do
      if #line > 0 and (not checkin or i % n == (id or 0)) then table.insert(tokens, line) end
      i = i + 1
    end
    next_token = checkin and 0 or (id or 0) * 7919
  end
  if args[3] == "redeem" then redeem_item = args[4] end
end

function request()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end -- keep wrk -H headers (the API key)
  if #tokens > 0 then
    next_token = next_token % #tokens + 1
    headers["Cookie"] = "kindred_session=" .. tokens[next_token]
  end
  if checkin then
    headers["X-Requested-With"] = "kindred"
    headers["Content-Length"] = "0"
    return wrk.format("POST", "/api/v1/checkins", headers, "")
  end
  if redeem_item then
    headers["Content-Type"] = "application/json"
    headers["X-Requested-With"] = "kindred"
    return wrk.format("POST", "/api/v1/shop/redemptions", headers, '{"itemId":' .. redeem_item .. ',"quantity":1}')
  end
  return wrk.format(nil, nil, headers)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p99.9_us %d\n", latency:percentile(99.9)))
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
end
