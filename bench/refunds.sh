#!/usr/bin/env bash
# Refunds and idempotent-replay benchmark. See bench/README.md.
#   Refunds: POST /refunds (amount 1) at concurrency 8 and 32 over a fresh pool of succeeded payments per run
#            (at most 10 refunds a payment), against pgbench running the same SQL (sql/refund_create.sql) on the
#            same embedded PostgreSQL over a pool of cloned payments (sql/refund_pool.sql).
#   Replay:  POST /payments with Idempotency-Key: DURATION s of first calls (a new key each), then DURATION s
#            replaying those keys; req/s and p50 of both.
#
# Env: DURATION (seconds per measured run, default 20), SKIP_BUILD=1 (use the existing jar), WARMUP (seconds,
#      default 90: with 30 the JIT still took a fifth of the server's CPU in the measured refund runs), REFUND_CONCURRENCY (default "8 32"), IDEM_CONCURRENCY (default 8), REFUND_POOL (payments per API
#      refund run; default sized from the rates measured so far), PGB_REFUND_POOL (cloned payments per pgbench
#      run, default 500 x DURATION, at least 2000), JAVA_OPTS (server JVM options, default "-Xmx512m -XX:+UseSerialGC"), KEEP_DATA=1.
set -euo pipefail

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-90}
REFUND_CONCURRENCY=${REFUND_CONCURRENCY:-"8 32"}
IDEM_CONCURRENCY=${IDEM_CONCURRENCY:-8}
REFUND_POOL=${REFUND_POOL:-}
PGB_REFUND_POOL=${PGB_REFUND_POOL:-$(( 500 * DURATION > 2000 ? 500 * DURATION : 2000 ))}
JAVA_OPTS=${JAVA_OPTS-"-Xmx512m -XX:+UseSerialGC"}
MERCHANT=bench_m
MAX_REFUNDS=10 # the switch's limit per payment (RefundRules.MAX_REFUNDS)

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
RAW=$RESULTS/refunds-$STAMP-raw
REPORT=$RESULTS/refunds-$STAMP.txt
mkdir -p "$RAW"

# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

read -ra JAVA_ARGS <<<"$JAVA_OPTS"

ensure_tools
build_jar -Dmaven.test.skip=true
start_server ${JAVA_ARGS[@]+"${JAVA_ARGS[@]}"}

# ---------------------------------------------------------------------------------------------------------- setup
create_merchant
create_processor_account 0
log "test payment: $(check_one_payment) s"
export BENCH_API_KEY=$API_KEY BENCH_LUA_DIR=$BENCH_DIR/lua BENCH_MAX_REFUNDS=$MAX_REFUNDS

# create_pool <tag> <n>: n succeeded payments through POST /payments (8 in parallel), ids pay_bench_<tag>_1..n,
# listed in $RAW/pool-<tag>.ids; checks every answer was 200 and every payment is succeeded. Sets POOL_RATE (per s).
create_pool() {
    local tag=$1 n=$2 cfg=$RAW/pool-$1.curl ids=$RAW/pool-$1.ids i t0 t1 bad have body
    : >"$cfg"; : >"$ids"
    for i in $(seq 1 "$n"); do
        echo "pay_bench_${tag}_$i" >>"$ids"
        (( i == 1 )) || echo next >>"$cfg"
        body="{\"payment_id\":\"pay_bench_${tag}_$i\",${PAYMENT_BODY:1}"
        cat >>"$cfg" <<EOF
url = "$BASE/payments"
header = "api-key: $API_KEY"
header = "Content-Type: application/json"
data = "${body//\"/\\\"}"
output = "/dev/null"
write-out = "%{http_code}\\n"
EOF
    done
    log "pool $tag: creating $n payments via POST /payments"
    t0=$(date +%s.%N)
    curl -sS --no-progress-meter -Z --parallel-max 8 -K "$cfg" >"$RAW/pool-$tag.codes" 2>"$RAW/pool-$tag.err" \
        || die "pool $tag (curl): $(head -n3 "$RAW/pool-$tag.err")"
    t1=$(date +%s.%N)
    rm -f "$cfg" # it holds the API key
    bad=$(grep -cv '^200$' "$RAW/pool-$tag.codes" || true)
    (( bad == 0 )) || die "pool $tag: $bad non-200 answers ($(sort "$RAW/pool-$tag.codes" | uniq -c | tr '\n' ' '))"
    have=$(sql "select count(*) from payment_intent where merchant_id = '$MERCHANT' and payment_id like 'pay\\_bench\\_${tag}\\_%' and status = 'succeeded' and amount_captured = 1000")
    (( have == n )) || die "pool $tag: expected $n succeeded payments, found $have"
    POOL_RATE=$(awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
    log "pool $tag: $n payments in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
}

# refund_stats <payment id LIKE pattern> -> "<refunds> <not succeeded> <max refunds of one payment>"
refund_stats() {
    sql "select count(*) || ' ' || count(*) filter (where status <> 'succeeded') || ' ' || coalesce(max(n), 0) from (select status, count(*) over (partition by payment_id) as n from refund where merchant_id = '$MERCHANT' and payment_id like '$1') r"
}

run_api_refunds() { # run_api_refunds <name> <conc> <seconds> <pool tag>: one wrk refund run over the pool, checked
    local name=$1 c=$2 secs=$3 tag=$4 like before after reqs ex bad max
    like="pay\\_bench\\_${tag}\\_%"
    read -r before _ _ <<<"$(refund_stats "$like")"
    BENCH_IDS_FILE=$RAW/pool-$tag.ids BENCH_THREADS=$(( c < 2 ? c : 2 )) \
        run_wrk "$name" refund_create.lua "$c" "$secs" "$BASE/refunds"
    ex=$(kv "$RAW/$name.kv" exhausted_threads)
    sleep 1
    read -r after bad max <<<"$(refund_stats "$like")"
    reqs=$(kv "$RAW/$name.kv" requests)
    if [[ $name != warmup* ]]; then
        (( ex == 0 )) || die "$name: the pool of $(wc -l <"$RAW/pool-$tag.ids") payments ran out (at most $MAX_REFUNDS refunds each): set REFUND_POOL higher"
        (( after - before >= reqs && after - before <= reqs + c )) \
            || die "$name: wrk counted $reqs refunds but $(( after - before )) were created"
    fi
    (( bad == 0 )) || die "$name: $bad refunds not succeeded"
    (( max <= MAX_REFUNDS )) || die "$name: a payment got $max refunds"
}

# clone_pgb_pool <tag> <n>: n clones (pay_pgbr_<tag>_1..n) of a succeeded pool payment, for refund_create.sql
clone_pgb_pool() {
    psql -X -q -v merchant="$MERCHANT" -v template="$PGB_TEMPLATE" -v tag="$1" -v pool="$2" \
        -f "$BENCH_DIR/sql/refund_pool.sql" >"$RAW/pgb-pool-$1.txt" 2>&1 || { cat "$RAW/pgb-pool-$1.txt" >&2; die "refund_pool.sql"; }
    local have
    have=$(sql "select count(*) from payment_intent i join payment_attempt a on a.merchant_id = i.merchant_id and a.attempt_id = i.active_attempt_id where i.merchant_id = '$MERCHANT' and i.payment_id like 'pay\\_pgbr\\_$1\\_%'")
    (( have == $2 )) || die "pgbench pool $1: expected $2 payments with their attempts, found $have"
}

run_pgb_refunds() { # run_pgb_refunds <name> <conc> <seconds> <tag> <pool size>: one checked pgbench refund run
    local name=$1 c=$2 secs=$3 tag=$4 n=$5 before after bad max txs slice
    slice=$(( n / c ))
    read -r before _ _ <<<"$(refund_stats "pay\\_pgbr\\_${tag}\\_%")"
    run_pgbench "$name" refund_create.sql "$c" "$secs" -D "merchant=$MERCHANT" -D "mca=$MCA_ID" -D "tag=$tag" \
        -D "slice=$slice" -D k=0
    read -r after bad max <<<"$(refund_stats "pay\\_pgbr\\_${tag}\\_%")"
    txs=$(kv "$RAW/$name.kv" transactions)
    (( after - before == txs && bad == 0 )) \
        || die "$name: $txs transactions but $(( after - before )) refunds, $bad not succeeded"
    echo "max_refunds_per_payment=$max" >>"$RAW/$name.kv"
    if (( max > MAX_REFUNDS )); then
        log "WARNING: $name: a pgbench payment got $max refunds (> $MAX_REFUNDS, which the API never reaches): raise PGB_REFUND_POOL"
    fi
}

pool_for() { # payments for a refund run of DURATION at the best rate seen so far, with room to spare
    if [[ -n $REFUND_POOL ]]; then echo "$REFUND_POOL"; return; fi
    awk -v r="$RATE_EST" -v d="$DURATION" -v m="$MAX_REFUNDS" -v c="$1" 'BEGIN { n = int(r * d * 6 / m) + 4 * c + 50; print n }'
}

# ---------------------------------------------------------------------------------------------------------- warm-up
# The warm-up pool holds 10 refunds per payment: 100 x WARMUP payments take up to 1000 refunds/s (should it run out,
# the warm-up stops early, which is harmless, and the pool estimate assumes 2000/s).
log "warm-up: ${WARMUP}s of refunds at c=8, ${WARMUP}s of keyed payments and of their replays, 3s of pgbench"
create_pool w $(( 100 * WARMUP ))
analyze_tables
run_api_refunds warmup-refund 8 "$WARMUP" w
RATE_EST=$(kv "$RAW/warmup-refund.kv" rps)
(( $(kv "$RAW/warmup-refund.kv" exhausted_threads) == 0 )) || RATE_EST=2000
PGB_TEMPLATE=pay_bench_w_1
clone_pgb_pool w 1000
run_pgb_refunds warmup-pgbench-refund 2 3 w 1000
analyze_tables

# ---------------------------------------------------------------------------------------------------------- refunds
for c in $REFUND_CONCURRENCY; do
    n=$(pool_for "$c")
    create_pool "c$c" "$n"
    sql "checkpoint"
    log "refunds, c=$c: API over $n payments (${DURATION}s)"
    run_api_refunds "api-refund-c$c" "$c" "$DURATION" "c$c"
    RATE_EST=$(awk -v a="$RATE_EST" -v b="$(kv "$RAW/api-refund-c$c.kv" rps)" 'BEGIN { print (b > a ? b : a) }')
    clone_pgb_pool "c$c" "$PGB_REFUND_POOL"
    sql "checkpoint"
    log "refunds, c=$c: pgbench refund_create.sql over $PGB_REFUND_POOL payments (${DURATION}s)"
    run_pgb_refunds "pgbench-refund-c$c" "$c" "$DURATION" "c$c" "$PGB_REFUND_POOL"
done

# ---------------------------------------------------------------------------------------------------------- replay
keyed_run() { # keyed_run <name> <original|replay> <seconds> <key prefix or keys file>
    local name=$1 mode=$2 secs=$3 arg=$4 c=$IDEM_CONCURRENCY
    if [[ $mode == original ]]; then
        BENCH_IDEM_MODE=original BENCH_IDEM_PREFIX=$arg BENCH_THREADS=$(( c < 2 ? c : 2 )) \
            run_wrk "$name" payment_idempotent.lua "$c" "$secs" "$BASE/payments"
        (( $(kv "$RAW/$name.kv" replayed) == 0 )) || die "$name: $(kv "$RAW/$name.kv" replayed) first calls were answered as replays"
    else
        BENCH_IDEM_MODE=replay BENCH_IDS_FILE=$arg BENCH_THREADS=$(( c < 2 ? c : 2 )) \
            run_wrk "$name" payment_idempotent.lua "$c" "$secs" "$BASE/payments"
        (( $(kv "$RAW/$name.kv" not_replayed) == 0 )) || die "$name: $(kv "$RAW/$name.kv" not_replayed) answers were not replays"
    fi
}

done_keys() { # done_keys <prefix> <file>: the keys of that prefix whose first call completed with 200
    sql "select idempotency_key from idempotency_key where merchant_id = '$MERCHANT' and idempotency_key like '$1-%' and state = 'done' and response_status = 200 order by idempotency_key" >"$2"
    wc -l <"$2"
}

keyed_run warmup-idem-original original "$WARMUP" idemw
wait_settled 10
(( $(done_keys idemw "$RAW/idemw.keys") > 0 )) || die "no completed keys after the warm-up"
keyed_run warmup-idem-replay replay "$WARMUP" "$RAW/idemw.keys"
analyze_tables

sql "checkpoint"
log "replay: ${DURATION}s of first calls with new Idempotency-Keys at c=$IDEM_CONCURRENCY"
keyed_run idem-original original "$DURATION" idem
wait_settled 10
IDEM_KEYS=$(done_keys idem "$RAW/idem.keys")
reqs=$(kv "$RAW/idem-original.kv" requests)
(( IDEM_KEYS >= reqs && IDEM_KEYS <= reqs + IDEM_CONCURRENCY )) \
    || die "idem-original: wrk counted $reqs answers but $IDEM_KEYS keys completed"
sql "checkpoint"
payments_before=$(api_payments)
log "replay: ${DURATION}s replaying those $IDEM_KEYS keys at c=$IDEM_CONCURRENCY"
keyed_run idem-replay replay "$DURATION" "$RAW/idem.keys"
(( $(api_payments) == payments_before )) || die "idem-replay created payments"

# ---------------------------------------------------------------------------------------------------------- report
read_rss
HEAP_MAX=$(heap_max ${JAVA_ARGS[@]+"${JAVA_ARGS[@]}"})
PG_PSS_KB=$(pg_pss_kb)
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }

{
    echo "Vaultera Switch refunds benchmark, $STAMP"
    machine_line
    echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); JAVA_OPTS: \"$JAVA_OPTS\" (max heap $HEAP_MAX); PostgreSQL $PG_VERSION (embedded, fsync on); $(pgbench --version); wrk 4"
    echo "load average (1/5/15 min) before the server started: $LOAD_BEFORE; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "duration ${DURATION}s per run, warm-up ${WARMUP}s; simulator latency 0 ms"
    echo
    echo "refunds: POST /refunds {\"payment_id\", \"amount\": 1}, a fresh pool of succeeded payments of 1000 per run, round-robin,"
    echo "         <= $MAX_REFUNDS refunds a payment; pgbench: sql/refund_create.sql (the same 7 statements: 1 transaction + 2"
    echo "         autocommit), over $PGB_REFUND_POOL cloned payments per run, round-robin per client"
    printf '%4s %6s %10s %11s %11s %8s %12s %15s %15s %6s %13s\n' conc pool api_req/s api_p50_ms api_p99_ms non_2xx \
        pgbench_tps pgbench_p50_ms pgbench_p99_ms ratio p50_added_ms
    for c in $REFUND_CONCURRENCY; do
        a=$RAW/api-refund-c$c.kv; p=$RAW/pgbench-refund-c$c.kv
        printf '%4s %6s %10s %11s %11s %8s %12s %15s %15s %6s %13s\n' "$c" "$(wc -l <"$RAW/pool-c$c.ids")" \
            "$(kv "$a" rps)" "$(kv "$a" p50_ms)" "$(kv "$a" p99_ms)" "$(kv "$a" status_errors)" \
            "$(kv "$p" tps | xargs printf '%.1f')" "$(kv "$p" p50_ms)" "$(kv "$p" p99_ms)" \
            "$(ratio "$(kv "$a" rps)" "$(kv "$p" tps)")" "$(sub "$(kv "$a" p50_ms)" "$(kv "$p" p50_ms)")"
    done
    echo
    echo "idempotent replay: POST /payments (create + confirm) with an Idempotency-Key, c=$IDEM_CONCURRENCY, ${DURATION}s each;"
    echo "                   original = a new key per request (distinct_keys: those that completed, in-flight ones at the"
    echo "                   end included), replay = the same keys again, cycled; every replay must carry Idempotent-Replayed"
    printf '%-9s %8s %13s %8s %8s %8s %8s %9s\n' run requests distinct_keys req/s p50_ms p99_ms non_2xx replayed
    o=$RAW/idem-original.kv; r=$RAW/idem-replay.kv
    printf '%-9s %8s %13s %8s %8s %8s %8s %9s\n' original "$(kv "$o" requests)" "$IDEM_KEYS" "$(kv "$o" rps)" \
        "$(kv "$o" p50_ms)" "$(kv "$o" p99_ms)" "$(kv "$o" status_errors)" "$(kv "$o" replayed)"
    printf '%-9s %8s %13s %8s %8s %8s %8s %9s\n' replay "$(kv "$r" requests)" "$IDEM_KEYS" "$(kv "$r" rps)" \
        "$(kv "$r" p50_ms)" "$(kv "$r" p99_ms)" "$(kv "$r" status_errors)" "$(kv "$r" replayed)"
    cheaper=$(awk -v ro="$(kv "$o" rps)" -v rr="$(kv "$r" rps)" -v po="$(kv "$o" p50_ms)" -v pr="$(kv "$r" p50_ms)" \
        'BEGIN { print (rr > ro && pr < po ? "yes" : "no") }')
    echo "replay / original: $(ratio "$(kv "$r" rps)" "$(kv "$o" rps)") x the req/s, $(ratio "$(kv "$r" p50_ms)" "$(kv "$o" p50_ms)") x the p50; replay is cheaper: $cheaper"
    echo
    runs=()
    for c in $REFUND_CONCURRENCY; do runs+=("api-refund-c$c" "pgbench-refund-c$c"); done
    cpu_table "${runs[@]}" idem-original idem-replay
    echo
    echo "server (JVM) RSS at the end: VmRSS $(( VMRSS_KB / 1024 )) MB, peak VmHWM $(( VMHWM_KB / 1024 )) MB; embedded PostgreSQL (all its processes, PSS): $(( PG_PSS_KB / 1024 )) MB"
    echo "non-2xx responses and socket errors: 0 in every API run (the script stops at the first run with any)"
} | tee "$REPORT"
log "report written to $REPORT (raw outputs in $RAW)"
