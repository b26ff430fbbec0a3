-- wrk script: asks the paths listed (one per line) in the file named by the first script argument,
-- in turn, each connection starting at its own place; requests are formatted once, in init, so the
-- generator spends its time on the wire and not in Lua. Prints one JSON line with the figures.
--   wrk -t1 -c50 -d8s -s bench/wrk/paths.lua http://127.0.0.1:3901 -- /tmp/paths.txt
local requests = {}
local next = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then requests[#requests + 1] = wrk.format("GET", line) end
  end
  next = math.random(#requests) - 1
end

function request()
  next = next % #requests + 1
  return requests[next]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
