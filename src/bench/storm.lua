-- wrk script for the alert storm (medic.bench.StormServer, medic.bench.ServeStormBench): posts the pre-written
-- storm payloads DIR/0.json... Thread t of THREADS posts payloads t, t+THREADS, t+2*THREADS... in order, so which
-- payloads were sent is known afterwards; each connection paces itself (wrk's delay()) so that all CONNECTIONS
-- together send RATE requests a second. At the end it prints, per thread, requests sent and answered by status,
-- and the latency percentiles in microseconds, as "storm-wrk ..." lines ServeStormBench reads.
--   PAYLOADS=/tmp/storm COUNT=32500 RATE=500 THREADS=2 CONNECTIONS=8 \
--     wrk -t2 -c8 -d60s --latency -s src/bench/storm.lua http://127.0.0.1:PORT/hooks/alertmanager
local dir = os.getenv("PAYLOADS") or "/tmp/storm"
local count = tonumber(os.getenv("COUNT") or "32500")
local rate = tonumber(os.getenv("RATE") or "500")
local thread_count = tonumber(os.getenv("THREADS") or "2")
local connections = tonumber(os.getenv("CONNECTIONS") or "8")
local token = os.getenv("TOKEN") or "storm-token"

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local bodies = {}
local next_index = 0
sent = 0
accepted = 0
other = 0

function init(args)
  -- "id" was set by setup() in this thread's state before init runs.
  next_index = id
  for i = id, count - 1, thread_count do
    local f = io.open(dir .. "/" .. i .. ".json", "r")
    bodies[i] = f:read("*a")
    f:close()
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function delay()
  return 1000 * connections / rate
end

function request()
  local body = bodies[next_index]
  if body == nil then
    error("storm.lua: only " .. count .. " payloads were written; write more or run shorter")
  end
  next_index = next_index + thread_count
  sent = sent + 1
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    io.write(string.format("storm-wrk thread %d sent %d accepted %d other %d\n", thread:get("id"),
      thread:get("sent"), thread:get("accepted"), thread:get("other")))
  end
  io.write(string.format("storm-wrk summary requests %d duration_us %d connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("storm-wrk latency p%s %d\n", p, latency:percentile(p)))
  end
  io.write(string.format("storm-wrk latency max %d\n", latency.max))
end
