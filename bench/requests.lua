-- wrk script for `make bench`: signed-in requests, round-robin over a list, and a JSON
-- summary at the end that bench/run.py reads.
--
-- BENCH_REQUESTS names a file with one request per line: METHOD<TAB>PATH<TAB>BODY, and
-- optionally <TAB>COOKIE, that request's own Cookie header (someone else signed in).
-- BENCH_ONCE=1: each request changes something once (a first yes), so the threads take
-- turns through the list and never send the same one twice until it runs out.
-- BENCH_HEADERS names a file with one "Name: value" header per line (the session and
-- CSRF cookies, the CSRF header, HX-Request for htmx endpoints). Every request is built
-- once per thread in init(), so the script costs wrk almost nothing per request.

local requests = {}
local index = 0
local headers = {}
local once = os.getenv("BENCH_ONCE") == "1"
local step = 1
local started = 0

-- Runs in the main state: numbers every thread, so each knows its place in the list.
function setup(thread)
  started = started + 1
  thread:set("thread_number", started)
end

local function lines(path)
  local found = {}
  if path == nil or path == "" then return found end
  for line in io.lines(path) do
    if line ~= "" then table.insert(found, line) end
  end
  return found
end

function init(args)
  for _, line in ipairs(lines(os.getenv("BENCH_HEADERS"))) do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    if name then headers[name] = value end
  end
  for _, line in ipairs(lines(os.getenv("BENCH_REQUESTS"))) do
    local method, path, rest = line:match("^([^\t]+)\t([^\t]+)\t?(.*)$")
    local body, cookie = rest:match("^([^\t]*)\t(.+)$")
    if body == nil then body = rest end
    if body == "" then body = nil end
    local sent = headers
    if cookie then
      sent = {}
      for name, value in pairs(headers) do sent[name] = value end
      sent["Cookie"] = cookie
    end
    table.insert(requests, wrk.format(method, path, sent, body))
  end
  if once then
    step = tonumber(os.getenv("BENCH_THREADS"))
    index = thread_number - step -- the first request is this thread's number
  else
    -- Threads start at different places in the list, so they do not move in lockstep.
    index = math.random(0, #requests - 1)
  end
end

function request()
  index = (index + step - 1) % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
