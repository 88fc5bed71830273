-- wrk script for medic.bench.StormServer: posts the pre-written storm payloads in order, round robin over the
-- connections, each connection pacing itself (wrk's delay()) so that all together send RATE requests a second.
--   PAYLOADS=/tmp/storm COUNT=32500 RATE=500 wrk -t2 -c8 -d60s --latency -s src/bench/storm.lua \
--       http://127.0.0.1:PORT/hooks/alertmanager
local dir = os.getenv("PAYLOADS") or "/tmp/storm"
local count = tonumber(os.getenv("COUNT") or "32500")
local rate = tonumber(os.getenv("RATE") or "500")
local bodies = {}
local next_index = 0
local connections = 8

function setup(thread)
end

function init(args)
  for i = 0, count - 1 do
    local f = io.open(dir .. "/" .. i .. ".json", "r")
    bodies[i] = f:read("*a")
    f:close()
  end
  next_index = math.random(0, count - 1)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer storm-token"
end

function delay()
  return 1000 * connections / rate
end

function request()
  local body = bodies[next_index]
  next_index = (next_index + 1) % count
  return wrk.format(nil, nil, nil, body)
end
