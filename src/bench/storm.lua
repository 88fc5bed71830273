-- wrk script for the alert storm (medic.bench.StormServer, medic.bench.ServeStormBench): posts the pre-written
-- storm payloads DIR/0.json... Thread t of THREADS posts payloads t, t+THREADS, t+2*THREADS... in order, so which
-- payloads were sent is known afterwards; the threads together send RATE requests a second (see delay()). At the
-- end it prints, per thread, requests sent and answered by status, and the latency percentiles in microseconds, as
-- "storm-wrk ..." lines ServeStormBench reads.
--   PAYLOADS=/tmp/storm COUNT=32500 RATE=500 THREADS=2 \
--     wrk -t2 -c8 -d60s --latency -s src/bench/storm.lua http://127.0.0.1:PORT/hooks/alertmanager
local dir = os.getenv("PAYLOADS") or "/tmp/storm"
local count = tonumber(os.getenv("COUNT") or "32500")
local rate = tonumber(os.getenv("RATE") or "500")
local thread_count = tonumber(os.getenv("THREADS") or "2")
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

-- Each request has a slot on the thread's timeline (request k of the thread at k * THREADS / RATE seconds after its
-- first); a free connection waits for the next slot, so the rate holds whatever the latency (a fixed delay after
-- each answer would send fewer requests the slower medic answers). LuaJIT's ffi reads the monotonic clock.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } storm_timespec;
  int clock_gettime(int clock, storm_timespec *now);
]]
local clock_now = ffi.new("storm_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock_now)
  return tonumber(clock_now.tv_sec) * 1000 + tonumber(clock_now.tv_nsec) / 1e6
end
local first_ms = nil
local slot = 0

function delay()
  if first_ms == nil then
    first_ms = now_ms()
  end
  local due = first_ms + slot * 1000 * thread_count / rate
  slot = slot + 1
  local wait = due - now_ms()
  return wait > 0 and wait or 0
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
