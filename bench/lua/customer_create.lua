-- wrk: POST /customers with no customer_id, so every request inserts a new customer and address.
-- Env: BENCH_API_KEY (merchant key), WRK_REPORT (where done() writes the figures).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "report"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["api-key"] = os.getenv("BENCH_API_KEY")
wrk.body = '{"name":"Maria Lopez","email":"maria@example.com","phone":"5551234567","phone_country_code":"+1",'
   .. '"description":"Bench customer","address":{"line1":"200 Market Street","line2":"Suite 4","city":"Austin",'
   .. '"state":"Texas","zip":"78701","country":"US","first_name":"Maria","last_name":"Lopez"},'
   .. '"metadata":{"tier":"gold"}}'
