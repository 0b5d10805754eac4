-- wrk: GET /customers/{id}, cycling over the ids in $BENCH_IDS_FILE (one a line), each thread from its own start.
-- Env: BENCH_API_KEY, BENCH_IDS_FILE, WRK_REPORT.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "report"

wrk.headers["api-key"] = os.getenv("BENCH_API_KEY")

local ids = {}
for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
   if line ~= "" then ids[#ids + 1] = line end
end
assert(#ids > 0, "no ids in " .. os.getenv("BENCH_IDS_FILE"))

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

local i = 0
function init(args)
   i = ((tid or 1) * 7919) % #ids
end

function request()
   i = i % #ids + 1
   return wrk.format("GET", "/customers/" .. ids[i])
end
