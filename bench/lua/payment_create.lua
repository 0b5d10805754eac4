-- wrk: POST /payments with confirm=true and a test card, no payment_id and no Idempotency-Key, so every request
-- creates a payment and authorizes it at the simulator (automatic capture: "succeeded").
-- Env: BENCH_API_KEY (merchant key), BENCH_LUA_DIR, WRK_REPORT (where done() writes the figures).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "report"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["api-key"] = os.getenv("BENCH_API_KEY")
wrk.body = '{"amount":1000,"currency":"USD","confirm":true,"payment_method":"card","payment_method_data":'
   .. '{"card":{"card_number":"4242424242424242","card_exp_month":"12","card_exp_year":"2030",'
   .. '"card_holder_name":"Bench","card_cvc":"123"}}}'

-- The socket errors apart (part 2 of payments.sh, thousands of connections, reports them).
function done(summary, latency, requests)
   local e = summary.errors
   write_report(summary, latency, { "connect_errors=" .. e.connect, "read_errors=" .. e.read,
                                    "write_errors=" .. e.write, "timeouts=" .. e.timeout })
end
