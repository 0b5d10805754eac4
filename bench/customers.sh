#!/usr/bin/env bash
# Customers benchmark: the switch's POST /customers and GET /customers/{id} against pgbench running the same SQL
# on the same embedded PostgreSQL, at concurrency 1, 8 and 32. See bench/README.md.
#
# Env: DURATION (seconds per measured run, default 20), SKIP_BUILD=1 (use the existing jar),
#      CONCURRENCY (default "1 8 32"), WARMUP (seconds per endpoint, default 30: the JIT needs it on 2 shared cores), POOL (retrieve ids, default 2000),
#      JAVA_OPTS (server JVM options, default "-Xmx384m -XX:+UseSerialGC", see bench/README.md),
#      KEEP_DATA=1 (keep the temp data dir).
set -euo pipefail

DURATION=${DURATION:-20}
CONCURRENCY=${CONCURRENCY:-"1 8 32"}
WARMUP=${WARMUP:-30}
POOL=${POOL:-2000}
JAVA_OPTS=${JAVA_OPTS-"-Xmx384m -XX:+UseSerialGC"}
MERCHANT=bench_m

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
RAW=$RESULTS/customers-$STAMP-raw
REPORT=$RESULTS/customers-$STAMP.txt
mkdir -p "$RAW"

# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

ensure_tools
build_jar -DskipTests
read -ra JAVA_ARGS <<<"$JAVA_OPTS"
start_server ${JAVA_ARGS[@]+"${JAVA_ARGS[@]}"}

# ---------------------------------------------------------------------------------------------------------- setup
create_merchant

# The retrieve pool: POOL customers created through the API with known ids (cus_bench_1 .. cus_bench_<POOL>), so
# that the API and pgbench read the same rows.
IDS=$RAW/ids.txt
CURL_CFG=$RAW/pool.curl
: >"$IDS"; : >"$CURL_CFG"
for n in $(seq 1 "$POOL"); do
    echo "cus_bench_$n" >>"$IDS"
    (( n == 1 )) || echo next >>"$CURL_CFG"
    cat >>"$CURL_CFG" <<EOF
url = "$BASE/customers"
header = "api-key: $API_KEY"
header = "Content-Type: application/json"
data = "{\"customer_id\":\"cus_bench_$n\",\"name\":\"Maria Lopez\",\"email\":\"maria@example.com\",\"phone\":\"5551234567\",\"phone_country_code\":\"+1\",\"description\":\"Bench customer\",\"address\":{\"line1\":\"200 Market Street\",\"line2\":\"Suite 4\",\"city\":\"Austin\",\"state\":\"Texas\",\"zip\":\"78701\",\"country\":\"US\",\"first_name\":\"Maria\",\"last_name\":\"Lopez\"},\"metadata\":{\"tier\":\"gold\"}}"
output = "/dev/null"
write-out = "%{http_code}\\n"
EOF
done
log "creating the retrieve pool: $POOL customers via POST /customers"
curl -sS --no-progress-meter -Z --parallel-max 8 -K "$CURL_CFG" >"$RAW/pool.codes" 2>"$RAW/pool.err" \
    || die "pool creation (curl): $(head -n3 "$RAW/pool.err")"
rm -f "$CURL_CFG" # it holds the API key
bad=$(grep -cv '^200$' "$RAW/pool.codes" || true)
(( bad == 0 )) || die "pool creation: $bad non-200 answers ($(sort "$RAW/pool.codes" | uniq -c | tr '\n' ' '))"
have=$(sql "select count(*) from customer c join address a on a.merchant_id = c.merchant_id and a.address_id = c.address_id where c.merchant_id = '$MERCHANT' and c.customer_id like 'cus\\_bench\\_%'")
(( have == POOL )) || die "pool: expected $POOL customers with addresses in the database, found $have"
pgbench -n -M prepared -c 1 -t 500 -D merchant=$MERCHANT -D pool="$POOL" -f "$BENCH_DIR/sql/check_pool.sql" \
    >"$RAW/check_pool.txt" 2>&1 || { cat "$RAW/check_pool.txt" >&2; die "the pgbench retrieve ids do not find the pool"; }
analyze_tables

# ---------------------------------------------------------------------------------------------------------- runs
export BENCH_API_KEY=$API_KEY BENCH_IDS_FILE=$IDS BENCH_LUA_DIR=$BENCH_DIR/lua

customer_rows() { sql "select count(*) from customer where merchant_id = '$MERCHANT'"; }

log "warm-up: ${WARMUP}s create + ${WARMUP}s retrieve at c=8 (JIT, connection pool), 3s of each pgbench script"
run_wrk warmup-create customer_create.lua 8 "$WARMUP" "$BASE/customers"
run_wrk warmup-retrieve customer_retrieve.lua 8 "$WARMUP" "$BASE/customers"
run_pgbench warmup-pgbench-create customer_create.sql 2 3 -D merchant=$MERCHANT -D pool="$POOL"
run_pgbench warmup-pgbench-retrieve customer_retrieve.sql 2 3 -D merchant=$MERCHANT -D pool="$POOL"
analyze_tables

for c in $CONCURRENCY; do
    sql "checkpoint"
    before=$(customer_rows)
    log "c=$c: API create (${DURATION}s)"
    run_wrk "api-create-c$c" customer_create.lua "$c" "$DURATION" "$BASE/customers"
    after=$(customer_rows)
    reqs=$(kv "$RAW/api-create-c$c.kv" requests)
    # wrk does not count requests still in flight when it stops, so up to c more rows than responses.
    if (( after - before < reqs || after - before > reqs + c )); then
        die "c=$c: wrk counted $reqs created customers but $(( after - before )) rows were inserted"
    fi
    sql "checkpoint"
    log "c=$c: API retrieve (${DURATION}s)"
    run_wrk "api-retrieve-c$c" customer_retrieve.lua "$c" "$DURATION" "$BASE/customers"
    sql "checkpoint"
    before=$(customer_rows)
    log "c=$c: pgbench create (${DURATION}s)"
    run_pgbench "pgbench-create-c$c" customer_create.sql "$c" "$DURATION" -D merchant=$MERCHANT -D pool="$POOL"
    after=$(customer_rows)
    txs=$(kv "$RAW/pgbench-create-c$c.kv" transactions)
    # A random id colliding with an earlier one inserts nothing (on conflict do nothing); so rare it is worth a look.
    (( after - before == txs )) || log "WARNING: pgbench create c=$c: $txs transactions but $(( after - before )) rows"
    sql "checkpoint"
    log "c=$c: pgbench retrieve (${DURATION}s)"
    run_pgbench "pgbench-retrieve-c$c" customer_retrieve.sql "$c" "$DURATION" -D merchant=$MERCHANT -D pool="$POOL"
done

# ---------------------------------------------------------------------------------------------------------- report
read_rss
HEAP_MAX=$(heap_max ${JAVA_ARGS[@]+"${JAVA_ARGS[@]}"})
PG_PSS_KB=$(pg_pss_kb)
TOTAL_ROWS=$(customer_rows)
PGB_ROWS=$(sql "select (select count(*) from customer where customer_id like 'cus\\_pgbench\\_%') || ' customers, ' || (select count(*) from address where address_id like 'add\\_pgbench\\_%') || ' addresses'")


{
    echo "Vaultera Switch customers benchmark, $STAMP"
    echo "machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/ {printf "%d MB", $2 / 1024}' /proc/meminfo) RAM; load generator, server and database share them"
    echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1) JAVA_OPTS: \"$JAVA_OPTS\" (max heap $HEAP_MAX); PostgreSQL $PG_VERSION (embedded, fsync on); $(pgbench --version); wrk 4"
    echo "load average (1/5/15 min) before the server started: $LOAD_BEFORE; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "duration ${DURATION}s per run; retrieve pool $POOL customers; customers in the database at the end: $TOTAL_ROWS (written by pgbench: $PGB_ROWS)"
    echo
    printf '%-9s %4s %10s %11s %11s %12s %15s %15s %6s\n' endpoint conc api_req/s api_p50_ms api_p99_ms pgbench_tps \
        pgbench_p50_ms pgbench_p99_ms ratio
    for ep in create retrieve; do
        for c in $CONCURRENCY; do
            a=$RAW/api-$ep-c$c.kv; p=$RAW/pgbench-$ep-c$c.kv
            printf '%-9s %4s %10s %11s %11s %12s %15s %15s %6s\n' "$ep" "$c" "$(kv "$a" rps)" "$(kv "$a" p50_ms)" \
                "$(kv "$a" p99_ms)" "$(kv "$p" tps | xargs printf '%.1f')" "$(kv "$p" p50_ms)" "$(kv "$p" p99_ms)" \
                "$(ratio "$(kv "$a" rps)" "$(kv "$p" tps)")"
        done
    done
    echo
    runs=()
    for ep in create retrieve; do for c in $CONCURRENCY; do runs+=("api-$ep-c$c" "pgbench-$ep-c$c"); done; done
    cpu_table "${runs[@]}"
    echo
    echo "server (JVM) RSS at the end: VmRSS $(( VMRSS_KB / 1024 )) MB, peak VmHWM $(( VMHWM_KB / 1024 )) MB; embedded PostgreSQL (all its processes, PSS): $(( PG_PSS_KB / 1024 )) MB"
    echo "non-2xx responses: 0 in every API run (the script stops at the first run with any)"
    last=${CONCURRENCY##* }
    if [[ $last == 32 ]]; then
        cr=$(ratio "$(kv "$RAW/api-create-c32.kv" rps)" "$(kv "$RAW/pgbench-create-c32.kv" tps)")
        rr=$(ratio "$(kv "$RAW/api-retrieve-c32.kv" rps)" "$(kv "$RAW/pgbench-retrieve-c32.kv" tps)")
        echo
        echo "targets:"
        echo "  create   at c=32: ratio $cr >= 0.80  $(verdict "$cr" 0.8)"
        echo "  retrieve at c=32: ratio $rr >= 0.50  $(verdict "$rr" 0.5)"
        echo "  server peak RSS:  $(( VMHWM_KB / 1024 )) MB < 512 MB  $(awk -v v="$VMHWM_KB" 'BEGIN { print (v < 512 * 1024 ? "MET" : "NOT MET") }')"
    fi
} | tee "$REPORT"
log "report written to $REPORT (raw outputs in $RAW)"
