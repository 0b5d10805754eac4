-- Shared by the wrk scripts: writes the run's figures as key=value lines to $WRK_REPORT.
-- wrk counts a response with status >= 400 as a "status" error (its "Non-2xx or 3xx responses" line).
-- A script with figures of its own overrides done() and calls write_report with extra "key=value" lines.
function write_report(summary, latency, extra)
   local f = assert(io.open(os.getenv("WRK_REPORT"), "w"))
   local e = summary.errors
   local secs = summary.duration / 1e6
   f:write(string.format("requests=%d\n", summary.requests))
   f:write(string.format("duration_s=%.3f\n", secs))
   f:write(string.format("rps=%.1f\n", summary.requests / secs))
   f:write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
   f:write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
   f:write(string.format("mean_ms=%.2f\n", latency.mean / 1000))
   f:write(string.format("max_ms=%.2f\n", latency.max / 1000))
   f:write(string.format("status_errors=%d\n", e.status))
   f:write(string.format("socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
   for _, line in ipairs(extra or {}) do
      f:write(line .. "\n")
   end
   f:close()
end

function done(summary, latency, requests)
   write_report(summary, latency)
end
