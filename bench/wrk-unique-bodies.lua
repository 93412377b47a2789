-- wrk script: every request a new, unique ~1.5 KB Fakturia webhook, and the
-- results as one JSON line.
--
-- wrk's Lua API used here (wrk's SCRIPTING doc, https://github.com/wg/wrk/blob/master/SCRIPTING):
--   setup(thread)   runs in the main Lua state once per thread; thread:set(name, value)
--                   sets a global in that thread's own Lua state.
--   init(args)      runs in each thread's state; args are the script arguments after `--`.
--   request()       returns the next request as a string; wrk.format(method, path,
--                   headers, body) builds one (Host and Content-Length added).
--   done(summary, latency, requests)
--                   runs once at the end: summary.requests, summary.duration (µs),
--                   summary.errors.{connect,read,write,status,timeout} (status: HTTP
--                   status > 399), latency:percentile(p) and latency.max (µs).
--
-- Arguments: <workload file> <salt>. The file holds three lines: the path (with
-- Fakturia's ?token=), the body before the unique id, the body after it. The id
-- is `<salt>-<thread>-<counter>`, so no two requests of a run, and no two runs
-- with different salts, carry the same event.

local next_thread = 0

function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  path = file:read("*l")
  head = file:read("*l")
  tail = file:read("*l")
  file:close()
  salt = string.sub(string.rep("0", 6) .. args[2], -6)
  counter = 0
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  counter = counter + 1
  local id = string.format("%s-%02d-%09d", salt, thread_index, counter)
  return wrk.format("POST", path, headers, head .. id .. tail)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,' ..
    '"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
