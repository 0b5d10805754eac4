-- wrk: POST /payments with an Idempotency-Key and the body of payment_create.lua (always the same body, so a
-- replayed key always matches its fingerprint).
--   BENCH_IDEM_MODE=original: every request a new key "<BENCH_IDEM_PREFIX>-<thread>-<n>": the first call of each
--                             key, i.e. a full create + confirm plus the key's claim and completion.
--   BENCH_IDEM_MODE=replay:   keys from $BENCH_IDS_FILE (the completed keys of the original run), each thread
--                             cycling over its own slice: every request must be answered from the stored response.
-- response() counts the answers carrying "Idempotent-Replayed: true"; done() writes replayed= and not_replayed=.
-- Env: BENCH_API_KEY, BENCH_LUA_DIR, WRK_REPORT, BENCH_IDEM_MODE, BENCH_IDEM_PREFIX, BENCH_IDS_FILE, BENCH_THREADS.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "report"

local mode = os.getenv("BENCH_IDEM_MODE")
assert(mode == "original" or mode == "replay", "BENCH_IDEM_MODE must be original or replay")
local prefix = os.getenv("BENCH_IDEM_PREFIX") or "idem"
local body = '{"amount":1000,"currency":"USD","confirm":true,"payment_method":"card","payment_method_data":'
   .. '{"card":{"card_number":"4242424242424242","card_exp_month":"12","card_exp_year":"2030",'
   .. '"card_holder_name":"Bench","card_cvc":"123"}}}'
local api_key = os.getenv("BENCH_API_KEY")

local threads = {}
function setup(thread)
   threads[#threads + 1] = thread
   thread:set("tid", #threads)
end

local keys = {}
local n = 0
replayed = 0
not_replayed = 0

function init(args)
   if mode == "replay" then
      local all = {}
      for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
         if line ~= "" then all[#all + 1] = line end
      end
      local nt = tonumber(os.getenv("BENCH_THREADS") or "1")
      for i = tid, #all, nt do keys[#keys + 1] = all[i] end
      assert(#keys > 0, "no replay keys for thread " .. tid)
   end
end

function request()
   n = n + 1
   local key
   if mode == "original" then
      key = prefix .. "-" .. tid .. "-" .. n
   else
      key = keys[(n - 1) % #keys + 1]
   end
   return wrk.format("POST", "/payments", { ["Content-Type"] = "application/json", ["api-key"] = api_key,
                                            ["Idempotency-Key"] = key }, body)
end

function response(status, headers, body)
   if headers["Idempotent-Replayed"] == "true" then
      replayed = replayed + 1
   else
      not_replayed = not_replayed + 1
   end
end

function done(summary, latency, requests)
   local r, nr = 0, 0
   for _, t in ipairs(threads) do
      r = r + (t:get("replayed") or 0)
      nr = nr + (t:get("not_replayed") or 0)
   end
   write_report(summary, latency, { "replayed=" .. r, "not_replayed=" .. nr })
end
