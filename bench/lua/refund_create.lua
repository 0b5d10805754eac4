-- wrk: POST /refunds {"payment_id": ..., "amount": 1} over a pool of succeeded payments of 1000 (one id a line in
-- $BENCH_IDS_FILE). Each thread takes its own slice of the pool (ids i, i + threads, ...) and goes round-robin over
-- it, so a payment's refunds are spread out in time (no two in flight on one payment while the slice is larger
-- than the thread's connections) and a payment gets at most BENCH_MAX_REFUNDS (10, the switch's limit) refunds.
-- A thread whose slice is used up stops and is counted in exhausted_threads: the script then fails the run (the
-- pool was too small), since a stopped thread makes wrk's req/s meaningless.
-- Env: BENCH_API_KEY, BENCH_IDS_FILE, BENCH_LUA_DIR, WRK_REPORT, BENCH_MAX_REFUNDS (default 10).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "report"

local max_refunds = tonumber(os.getenv("BENCH_MAX_REFUNDS") or "10")
local all = {}
for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
   if line ~= "" then all[#all + 1] = line end
end
assert(#all > 0, "no ids in " .. os.getenv("BENCH_IDS_FILE"))

local threads = {}
function setup(thread)
   threads[#threads + 1] = thread
   thread:set("tid", #threads)
end

local ids = {}
local sent = 0
exhausted = 0

function init(args)
   -- Slices by tid modulo the thread count, which the script passes as BENCH_THREADS (wrk's -t).
   local n = tonumber(os.getenv("BENCH_THREADS") or "1")
   for i = tid, #all, n do ids[#ids + 1] = all[i] end
   assert(#ids > 0, "empty slice for thread " .. tid)
end

local headers = { ["Content-Type"] = "application/json", ["api-key"] = os.getenv("BENCH_API_KEY") }

function request()
   if sent >= #ids * max_refunds then
      exhausted = 1
      wrk.thread:stop()
   end
   local id = ids[sent % #ids + 1]
   sent = sent + 1
   return wrk.format("POST", "/refunds", headers, '{"payment_id":"' .. id .. '","amount":1}')
end

function done(summary, latency, requests)
   local n = 0
   for _, t in ipairs(threads) do n = n + (t:get("exhausted") or 0) end
   write_report(summary, latency, { "exhausted_threads=" .. n })
end
