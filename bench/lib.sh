# Shared helpers of the benchmark scripts (customers.sh, payments.sh, refunds.sh). Sourced, not run.
#
# The caller sets, before sourcing: BENCH_DIR, ROOT, RAW (raw-output dir, created), and MERCHANT.
# start_server then sets DATA, PORT, ADMIN_KEY, BASE, SERVER_LOG, SERVER_PID, LOAD_BEFORE, PGPORT (exported with
# PGHOST, PGUSER, PGDATABASE) and PG_VERSION, and installs the EXIT trap that stops the server.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------- tools
java_major() { # prints the major version of the java binary $1, or 0
    local v
    v=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1) || true
    [[ -z $v ]] && { echo 0; return; }
    [[ $v == 1.* ]] && v=${v#1.}
    echo "${v%%[.+-]*}"
}

pick_java() {
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && (( $(java_major "$JAVA_HOME/bin/java") >= 21 )); then
        return
    fi
    local best="" best_v=0 d v
    for d in /usr/lib/jvm/*; do
        [[ -x $d/bin/java && ! -L $d ]] || continue
        v=$(java_major "$d/bin/java")
        if (( v > best_v )); then best=$d; best_v=$v; fi
    done
    (( best_v >= 21 )) || die "no JDK >= 21 (JAVA_HOME or /usr/lib/jvm)"
    export JAVA_HOME=$best
}

apt_install() { # apt_install <package>...: install, refreshing the package index only if the first try fails
    command -v apt-get >/dev/null || die "missing $*, and no apt-get to install it"
    local sudo=""
    (( EUID == 0 )) || sudo=sudo
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@" >"$RAW/apt.log" 2>&1; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get update >>"$RAW/apt.log" 2>&1
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@" >>"$RAW/apt.log" 2>&1 || die "apt-get install $*"
    fi
}

ensure_tools() { # a JDK >= 21, wrk, psql, pgbench and curl (installed with apt-get when missing)
    pick_java
    command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }
    command -v psql >/dev/null || { log "installing postgresql-client"; apt_install postgresql-client; }
    command -v pgbench >/dev/null || { log "installing postgresql-contrib (pgbench)"; apt_install postgresql-contrib; }
    command -v curl >/dev/null || { log "installing curl"; apt_install curl; }
    log "java: $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n1))"
    log "wrk: $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2); pgbench: $(pgbench --version)"
}

# ---------------------------------------------------------------------------------------------------------- build
JAR=$ROOT/server/target/vaultera-switch.jar

build_jar() { # build_jar <maven flags>...: ./mvnw -q <flags> package, unless SKIP_BUILD=1; then the jar must exist
    if [[ ${SKIP_BUILD:-0} != 1 ]]; then
        log "building (./mvnw -q $* package)"
        (cd "$ROOT" && ./mvnw -q "$@" package) >"$RAW/build.log" 2>&1 || { tail -n 40 "$RAW/build.log" >&2; die "build"; }
    fi
    [[ -f $JAR ]] || die "no jar at $JAR (build, or unset SKIP_BUILD)"
}

# ---------------------------------------------------------------------------------------------------------- server
free_port() {
    local i p
    for i in $(seq 1 100); do
        p=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    die "no free port found"
}

SERVER_PID=""

stop_server() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n ${BENCH_STOP_HOOK:-} ]]; then $BENCH_STOP_HOOK || true; fi
    if [[ -n $SERVER_PID ]] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
        log "the server (pid $SERVER_PID) had already exited before the script stopped it"
    elif [[ -n $SERVER_PID ]]; then
        log "stopping server (pid $SERVER_PID)"
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            log "server did not stop in 30 s; killing it"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    # The embedded PostgreSQL is the server's child; should it have outlived the server, stop it by its pid file.
    local pm=$DATA/postgres/postmaster.pid
    if [[ -f $pm ]]; then
        local pgpid
        pgpid=$(head -n1 "$pm")
        if [[ $pgpid =~ ^[0-9]+$ ]] && kill -0 "$pgpid" 2>/dev/null; then
            log "stopping leftover embedded PostgreSQL (pid $pgpid)"
            kill -INT "$pgpid" 2>/dev/null || true
            for i in $(seq 1 40); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
    if (( rc != 0 )) && [[ -f $SERVER_LOG ]]; then
        log "last server log lines:"; tail -n 20 "$SERVER_LOG" >&2 || true
    fi
    if [[ ${KEEP_DATA:-0} == 1 ]]; then log "data kept in $DATA"; else rm -rf "$DATA"; fi
    exit "$rc"
}

start_server() { # start_server [java option]...: starts a copy of the jar in a fresh temp data dir, waits for health
    DATA=$(mktemp -d "${TMPDIR:-/tmp}/vaultera-bench.XXXXXX")
    PORT=$(free_port)
    ADMIN_KEY=bench_admin_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    BASE=http://localhost:$PORT
    SERVER_LOG=$RAW/server.log
    SERVER_PID=""
    trap stop_server EXIT
    trap 'exit 130' INT TERM

    # Run a copy: a rebuild of server/target while the server runs would pull classes from under it. Its own name
    # keeps it out of the way of a `pkill -f vaultera-switch.jar` meant for another server on a shared machine.
    cp "$JAR" "$DATA/bench-server.jar"
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    log "starting server on port $PORT (data in $DATA)"
    # The in-process simulator stands in for a processor elsewhere: it forgets payments after 2 minutes (48 h by
    # default) so that its memory does not count as the switch's in long runs.
    SERVER_PORT=$PORT SWITCH_DATA_DIR=$DATA SWITCH_ADMIN_API_KEY=$ADMIN_KEY \
        SWITCH_SIMULATOR_RETENTION=${SWITCH_SIMULATOR_RETENTION:-2m} \
        "$JAVA_HOME/bin/java" "$@" -jar "$DATA/bench-server.jar" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!

    local i
    for i in $(seq 1 240); do
        if curl -fs -o /dev/null "$BASE/health"; then break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || die "server exited during startup"
        (( i < 240 )) || die "server not healthy after 120 s"
        sleep 0.5
    done
    PGPORT=$(sed -n 's/.*embedded PostgreSQL listening on localhost:\([0-9]*\).*/\1/p' "$SERVER_LOG" | head -n1)
    [[ -n $PGPORT ]] || die "no 'embedded PostgreSQL listening on localhost:<port>' line in the server log"
    log "server up (pid $SERVER_PID); embedded PostgreSQL on localhost:$PGPORT"

    export PGHOST=localhost PGPORT PGUSER=postgres PGDATABASE=vaultera
    PG_VERSION=$(sql "show server_version")
}

# PostgreSQL plans a prepared statement once per connection and keeps that generic plan until the table's statistics
# change. Planned on a still-empty table, a lookup by primary key can pick another index that starts with merchant_id
# and then read every row of the merchant: each payment gets slower as the table grows, until autovacuum's first
# ANALYZE (up to a minute or two after the first rows) replans it. A fresh database is in exactly that state when a
# benchmark starts, so every script analyzes once its tables hold rows (and again after its warm-up), as autovacuum
# would on a live system.
analyze_tables() { sql "analyze"; }

sql() { psql -X -v ON_ERROR_STOP=1 -Atq -c "$1"; }

# ---------------------------------------------------------------------------------------------------------- setup
post_json() { # post_json <path> <key> <body> -> body on stdout; fails unless 2xx
    local out code
    out=$(curl -sS -X POST "$BASE$1" -H "api-key: $2" -H 'Content-Type: application/json' -d "$3" -w '\n%{http_code}')
    code=${out##*$'\n'}
    [[ $code == 2?? ]] || die "POST $1 answered $code: ${out%$'\n'*}"
    printf '%s\n' "${out%$'\n'*}"
}

json_field() { # json_field <name>: the first "<name>":"<string>" of the JSON on stdin
    sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n1
}

create_merchant() { # creates $MERCHANT and a key for it; sets API_KEY
    post_json /accounts "$ADMIN_KEY" "{\"merchant_id\":\"$MERCHANT\"}" >/dev/null
    API_KEY=$(post_json "/api_keys/$MERCHANT" "$ADMIN_KEY" '{"name":"bench","expiration":"never"}' \
        | sed -n 's/.*"api_key":"\([^"]*\)".*/\1/p')
    [[ -n $API_KEY ]] || die "no api_key in the key response"
    log "merchant $MERCHANT and its API key created"
}

# ---------------------------------------------------------------------------------------------------------- runs
kv() { sed -n "s/^$2=//p" "$1"; } # kv <file> <key>

# run_wrk <name> <lua> <conc> <seconds> <url>; leaves figures in $RAW/<name>.kv. Threads: min(conc, 2).
# Fails on any non-2xx/3xx response or socket error, unless WRK_TOLERATE_ERRORS=1 (then the caller judges them).
# WRK_TIMEOUT (default 10s): wrk's per-request timeout, counted as a socket error.
run_wrk() {
    local name=$1 lua=$2 c=$3 secs=$4 url=$5 t
    t=$(( c < 2 ? c : 2 ))
    local before
    before=$(cpu_ticks)
    { time WRK_REPORT=$RAW/$name.kv wrk -t "$t" -c "$c" -d "${secs}s" --timeout "${WRK_TIMEOUT:-10s}" --latency \
        -s "$BENCH_DIR/lua/$lua" "$url" >"$RAW/$name.wrk.txt" 2>&1; } 2>"$RAW/$name.time" \
        || die "wrk $name: $(tail -n 3 "$RAW/$name.wrk.txt")"
    [[ -s $RAW/$name.kv ]] || die "wrk $name wrote no report"
    cpu_per_operation "$name" "$before" "$(kv "$RAW/$name.kv" requests)" >>"$RAW/$name.kv"
    local st so
    st=$(kv "$RAW/$name.kv" status_errors); so=$(kv "$RAW/$name.kv" socket_errors)
    if (( st != 0 || so != 0 )) && [[ ${WRK_TOLERATE_ERRORS:-0} != 1 ]]; then
        cat "$RAW/$name.wrk.txt" >&2
        die "wrk $name: $st non-2xx/3xx responses, $so socket errors (see $RAW/$name.wrk.txt and $SERVER_LOG)"
    fi
}

# run_pgbench <name> <sql> <conc> <seconds> [pgbench option]...; leaves figures in $RAW/<name>.kv.
# Clients -c conc, threads -j min(conc, 2), prepared statements; the options come before the script (-D ...).
run_pgbench() {
    local name=$1 script=$2 c=$3 secs=$4 j out
    shift 4
    j=$(( c < 2 ? c : 2 ))
    mkdir -p "$RAW/$name.log"
    out=$RAW/$name.pgbench.txt
    local before
    before=$(cpu_ticks)
    { time pgbench -n -M prepared -c "$c" -j "$j" -T "$secs" "$@" \
        --log --log-prefix="$RAW/$name.log/tx" -f "$BENCH_DIR/sql/$script" >"$out" 2>&1; } 2>"$RAW/$name.time" \
        || { cat "$out" >&2; die "pgbench $name"; }
    local tps failed processed
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out" | head -n1)
    processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
    [[ -n $tps && -n $processed ]] || { cat "$out" >&2; die "pgbench $name: no tps in its output"; }
    (( ${failed:-0} == 0 )) || { cat "$out" >&2; die "pgbench $name: $failed failed transactions"; }
    # Per-transaction log: "client tx_no latency_us script epoch_s epoch_us"; percentiles over all transactions.
    local pct
    pct=$(cat "$RAW/$name.log"/tx.* | awk '{print $3}' | sort -n | awk '
        { v[NR] = $1 }
        END { if (NR == 0) { print "nan nan"; exit }
              i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999)
              printf "%.2f %.2f\n", v[i50] / 1000, v[i99] / 1000 }')
    rm -rf "$RAW/$name.log"
    {
        echo "tps=$tps"
        echo "transactions=$processed"
        echo "p50_ms=${pct% *}"
        echo "p99_ms=${pct#* }"
        echo "mean_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$out")"
        cpu_per_operation "$name" "$before" "$processed"
    } >"$RAW/$name.kv"
}

# ------------------------------------------------------------------------------------------------------------- CPU
# Where a run's CPU went, so a ratio can be read against the work each side did on the shared cores. Times come
# from /proc in clock ticks: the server JVM (all its threads), the embedded PostgreSQL (the postmaster, its live
# children, and through the postmaster's cutime/cstime the children that ended, such as pgbench's backends), and the
# load generator (bash's `time` around wrk or pgbench, written to $RAW/<name>.time).
TIMEFORMAT='%3U %3S'
CLK_TCK=$(getconf CLK_TCK)

cpu_ticks() { # prints "<jvm ticks> <postgres ticks> <JIT compiler threads' tid:ticks>...", now
    local pg_pid p pg
    pg_pid=$(head -n1 "$DATA/postgres/postmaster.pid")
    pg=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pg_pid/stat")
    for p in $(ps -o pid= --ppid "$pg_pid"); do
        pg=$(( pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
    done
    echo "$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat") $pg $(jit_ticks)"
}

# The JVM's JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread0", ...) as "tid:ticks" pairs: how much of
# a run's JVM CPU went to compiling rather than serving, i.e. whether the warm-up reached the JIT's steady state.
# The comm field has a space, so the fields are counted after its closing parenthesis (utime, stime: 12th, 13th).
jit_ticks() {
    local t
    for t in /proc/"$SERVER_PID"/task/*; do
        case $(cat "$t/comm" 2>/dev/null) in "C1 Compiler"* | "C2 Compiler"*) ;; *) continue ;; esac
        sed 's/.*) //' "$t/stat" 2>/dev/null | awk -v tid="${t##*/}" '{printf "%s:%d ", tid, $12 + $13}'
    done
}

# cpu_per_operation <name> <cpu_ticks before> <operations>: kv lines of CPU ms per request (or transaction). The JIT's
# share counts threads alive at both ends (a compiler thread the JVM retired meanwhile is left out of it).
cpu_per_operation() {
    local jvm0 pg0 jit0 jvm1 pg1 jit1
    read -r jvm0 pg0 jit0 <<<"$2"
    read -r jvm1 pg1 jit1 <<<"$(cpu_ticks)"
    awk -v n="$3" -v hz="$CLK_TCK" -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v jit0="$jit0" -v jit1="$jit1" '
        { c = $1 + $2 }
        END { if (n <= 0) n = 1
              split(jit0, before, " "); for (i in before) { split(before[i], tv, ":"); t0[tv[1]] = tv[2] }
              split(jit1, after, " "); jit = 0
              for (i in after) { split(after[i], tv, ":"); if (tv[1] in t0) jit += tv[2] - t0[tv[1]] }
              printf "cpu_jvm_ms=%.3f\ncpu_jit_ms=%.3f\ncpu_pg_ms=%.3f\ncpu_client_ms=%.3f\n",
                  j * 1000 / hz / n, jit * 1000 / hz / n, p * 1000 / hz / n, c * 1000 / n }' \
        "$RAW/$1.time"
}

# cpu_table <name>...: a heading, then one line per run of CPU ms per request or transaction, and their sum
cpu_table() {
    local name
    echo "CPU per request or transaction (ms of CPU time from /proc over each measured run; the $(nproc) cores are shared;"
    echo "of_it_jit: the part of jvm_ms spent by the JIT compiler threads, not serving):"
    printf '%-22s %9s %9s %11s %9s %9s\n' run jvm_ms of_it_jit postgres_ms client_ms all_ms
    for name in "$@"; do
        awk -F= -v run="$name" '$1 == "cpu_jvm_ms" {j = $2} $1 == "cpu_jit_ms" {t = $2} $1 == "cpu_pg_ms" {p = $2}
            $1 == "cpu_client_ms" {c = $2}
            END { printf "%-22s %9.3f %9.3f %11.3f %9.3f %9.3f\n", run, j, t, p, c, j + p + c }' "$RAW/$name.kv"
    done
}

# ---------------------------------------------------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "MET" : "NOT MET") }'; }

read_rss() { # sets VMHWM_KB and VMRSS_KB of the server JVM, now
    read -r VMHWM_KB VMRSS_KB < <(awk '/^VmHWM:/ {h = $2} /^VmRSS:/ {r = $2} END {print h, r}' "/proc/$SERVER_PID/status")
}

heap_max() { # heap_max [java option]...: the JVM's MaxHeapSize with those options, e.g. "6016 MB"
    "$JAVA_HOME/bin/java" "$@" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {printf "%d MB", $4 / 1048576}'
}

pg_pss_kb() { # PSS summed over the embedded PostgreSQL's processes (shared buffers counted once)
    local pg_pid p
    pg_pid=$(head -n1 "$DATA/postgres/postmaster.pid")
    for p in "$pg_pid" $(ps -o pid= --ppid "$pg_pid" 2>/dev/null); do cat "/proc/$p/smaps_rollup" 2>/dev/null; done \
        | awk '/^Pss:/ {s += $2} END {print s + 0}'
}

machine_line() {
    echo "machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/ {printf "%d MB", $2 / 1024}' /proc/meminfo) RAM; load generator, server and database share them"
}

# ---------------------------------------------------------------------------------------------------------- payments
# The benchmark payment: the body of lua/payment_create.lua (a test card that the simulator authorizes; automatic
# capture, so the payment ends "succeeded").
PAYMENT_BODY='{"amount":1000,"currency":"USD","confirm":true,"payment_method":"card","payment_method_data":{"card":{"card_number":"4242424242424242","card_exp_month":"12","card_exp_year":"2030","card_holder_name":"Bench","card_cvc":"123"}}}'

create_processor_account() { # create_processor_account <latency_ms>: the simulator account; sets MCA_ID, PROFILE_ID
    local out
    out=$(post_json "/account/$MERCHANT/connectors" "$API_KEY" '{"connector_type":"payment_processor","connector_name":"stripe_test","connector_account_details":{"auth_type":"HeaderKey","api_key":"sk_test_bench_000000000001"},"metadata":{"simulator":{"latency_ms":'"$1"'}}}')
    MCA_ID=$(json_field merchant_connector_id <<<"$out")
    PROFILE_ID=$(json_field profile_id <<<"$out")
    [[ -n $MCA_ID && -n $PROFILE_ID ]] || die "no merchant_connector_id / profile_id in the connector account response: $out"
    log "processor account $MCA_ID (stripe_test on the in-process simulator, latency $1 ms, profile $PROFILE_ID)"
}

set_simulator_latency() { # set_simulator_latency <ms>: the processor account's metadata.simulator.latency_ms
    local out
    out=$(post_json "/account/$MERCHANT/connectors/$MCA_ID" "$API_KEY" "{\"metadata\":{\"simulator\":{\"latency_ms\":$1}}}")
    [[ $out == *"\"latency_ms\":$1"* ]] || die "the connector account update did not take latency_ms=$1: $out"
    log "simulator latency set to $1 ms"
}

check_one_payment() { # one POST /payments through curl: must answer 200 "succeeded"; prints its seconds
    local out code secs
    out=$(curl -sS -X POST "$BASE/payments" -H "api-key: $API_KEY" -H 'Content-Type: application/json' \
        -d "$PAYMENT_BODY" -w '\n%{http_code} %{time_total}')
    read -r code secs <<<"${out##*$'\n'}"
    [[ $code == 200 && $out == *'"status":"succeeded"'* ]] || die "a test payment answered $code: ${out%$'\n'*}"
    echo "$secs"
}

# Payments made through the API (ids pay_ + 20 alphanumerics, or pay_bench_...), i.e. all but pgbench's pay_pgb_*.
API_PAYMENTS_WHERE="merchant_id = '$MERCHANT' and payment_id not like 'pay\\_pgb%'"
api_payments() { sql "select count(*) from payment_intent where $API_PAYMENTS_WHERE"; }

wait_settled() { # wait_settled <seconds>: until every API payment is "succeeded"; fails with the statuses if not
    local i left
    for i in $(seq 1 $(( $1 * 2 ))); do
        left=$(sql "select count(*) from payment_intent where $API_PAYMENTS_WHERE and status <> 'succeeded'")
        (( left == 0 )) && return 0
        sleep 0.5
    done
    die "$left API payments not succeeded after $1 s: $(sql "select status || ': ' || count(*) from payment_intent where $API_PAYMENTS_WHERE group by status" | tr '\n' ' ')"
}
