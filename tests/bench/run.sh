#!/usr/bin/env bash
# The performance benchmark of issue 4: find-outliers' headless run against the fetch floor, at growing sizes.
#
#   tests/bench/run.sh                              N = 10k, 100k and 1M (a few minutes, about 1 GB of disk)
#   tests/bench/run.sh --sizes 10000,100000         a small run, for CI
#   tests/bench/run.sh --sizes 1000000 --types 50000   memory: 1M records in 12 types against 1M in 50k types
#
# Options:
#   --sizes N,N,...   raw records of the target user per size (default 10000,100000,1000000)
#   --repeat R        measured runs per size (default 5); the table shows the medians, after one warm-up run each
#   --binary PATH     the find-outliers to measure (default: build it in build-bench/, Release, without tests)
#   --no-check        skip the check that the run flags the same records as the QtSql read (FO_READ_METHOD=qtsql)
#   --types T         also measure each N with the target's raw records spread over T data types (generate.sql's
#                     "many types" mode: about N/T records a type), and compare the peak RSS with the 12-type run
#                     (issue 10: memory follows the rows, not the types; target: at most 2x). The check then also
#                     prints the peak RSS of the --dry-run --json runs (COPY and QtSql reads) of both.
#   --compare PATH    also check the drop-in promise against another build (say, main's): its --dry-run --json
#                     report on each database must equal ours (the same flagged ids, counts, means and stds)
#
# What it does: starts a throwaway PostgreSQL 15 cluster (127.0.0.1, a free port, default settings otherwise,
# removed at the end; as root, the server runs as the user `postgres`), and for each N creates a database with
# the platform's tables (resources/schema/platform.sql), fills it with tests/bench/generate.sql (the target user
# bench-target@example.com with N raw and N/4 processed records over 12 data types and a year, and three other
# users with as many, interleaved by id), and then alternates R times:
#   floor  psql over TCP: \copy (SELECT id, data_type, value FROM raw_records WHERE email = ...) TO '/dev/null',
#          and the same for processed_records, in one psql process;
#   ours   find-outliers --email bench-target@example.com --no-notify (no Redis), a real run that stores its
#          outliers; the tables it writes to are emptied before each run, so that every run is the same first run.
# A CHECKPOINT before each of them writes out the pages the previous run dirtied (the outlier rows' foreign keys
# lock the records they point to), so that neither pays for the other. Both are timed with /usr/bin/time -v (wall
# clock); "peak RSS" is ours, the largest over the runs. Then, unless --no-check, it compares the --dry-run --json
# reports of the COPY read and of the QtSql read (FO_READ_METHOD=qtsql) on the same data. It prints:
#
#         N   ours (s)  floor (s)   ratio  peak RSS (MB)
#
# and, for the largest N, the issue's targets (ours <= 1.5 x floor, peak RSS <= 120 MB, linear growth). With
# --types, a "types" column and, per N, the ratio of the peak RSS with T types to the one with 12.
# Needs: psql and the PostgreSQL server programs (postgresql), /usr/bin/time (apt-get install -y time), python3 (to
# find a free port), and cmake, ninja and the build dependencies unless --binary is given.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sizes=10000,100000,1000000
repeat=5
check=1
binary=""
types=""
reference=""
target_email=bench-target@example.com

die() {
    echo "bench: $*" >&2
    exit 2
}
log() {
    echo "bench: $*" >&2
}

while (($#)); do
    case $1 in
    --sizes) sizes=${2:?--sizes needs a list such as 10000,100000}; shift 2 ;;
    --sizes=*) sizes=${1#*=}; shift ;;
    --repeat) repeat=${2:?--repeat needs a number}; shift 2 ;;
    --repeat=*) repeat=${1#*=}; shift ;;
    --binary) binary=${2:?--binary needs a path}; shift 2 ;;
    --binary=*) binary=${1#*=}; shift ;;
    --no-check) check=0; shift ;;
    --types) types=${2:?--types needs a number}; shift 2 ;;
    --types=*) types=${1#*=}; shift ;;
    --compare) reference=${2:?--compare needs the path of another find-outliers}; shift 2 ;;
    --compare=*) reference=${1#*=}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
[[ $sizes =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--sizes wants numbers separated by commas, not '$sizes'"
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "--repeat wants a positive number, not '$repeat'"
[[ -z $types || ($types =~ ^[1-9][0-9]*$ && $types -le 99999) ]] ||
    die "--types wants a number of data types from 1 to 99999, not '$types'"

# --- what this script needs ------------------------------------------------------------------------------------
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing; install it with: apt-get install -y time"
command -v psql >/dev/null || die "psql is missing; install it with: apt-get install -y postgresql-client"
command -v python3 >/dev/null || die "python3 is missing (used to find a free port); apt-get install -y python3"
pg_bindir=${FO_PG_BINDIR:-}
if [[ -z $pg_bindir ]]; then
    if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
        pg_bindir=/usr/lib/postgresql/15/bin
    else
        pg_bindir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
fi
[[ -n $pg_bindir && -x $pg_bindir/initdb && -x $pg_bindir/pg_ctl ]] ||
    die "the PostgreSQL server programs are missing; install them with: apt-get install -y postgresql"

if [[ -z $binary ]]; then
    command -v cmake >/dev/null || die "cmake is missing; install the build dependencies (packaging/bootstrap.sh build)"
    log "building find-outliers (Release) in $repo/build-bench"
    cmake -S "$repo" -B "$repo/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFO_BUILD_TESTS=OFF >/dev/null
    cmake --build "$repo/build-bench" --target find-outliers >/dev/null
    binary=$repo/build-bench/app/find-outliers
fi
[[ -x $binary ]] || die "no find-outliers at $binary"
binary=$(realpath "$binary")
if [[ -n $reference ]]; then
    [[ -x $reference ]] || die "--compare: no find-outliers at $reference"
    reference=$(realpath "$reference")
fi

# --- a throwaway PostgreSQL cluster, default settings ----------------------------------------------------------
workdir=$(mktemp -d "${TMPDIR:-/tmp}/fo-bench.XXXXXX")
runas=()
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no user 'postgres' to run PostgreSQL as"
    runas=(runuser -u postgres --)
    chmod 755 "$workdir"
fi
datadir=$workdir/data
pglog=$workdir/server.log

cleanup() {
    if [[ -f $datadir/postmaster.pid ]]; then
        "${runas[@]}" "$pg_bindir/pg_ctl" -D "$datadir" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            "${runas[@]}" "$pg_bindir/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
mkdir -p "$workdir/socket"
(umask 077 && printf '%s\n' "$password" >"$workdir/pwfile")
((${#runas[@]})) && chown -R postgres: "$workdir"
"${runas[@]}" "$pg_bindir/initdb" -D "$datadir" -U postgres --pwfile="$workdir/pwfile" --auth-host=scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 ||
    { cat "$workdir/initdb.log" >&2; die "initdb failed"; }
rm -f "$workdir/pwfile"
port=""
for attempt in 1 2 3; do
    candidate=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # Only where it listens; everything else stays at PostgreSQL's defaults, as the issue's targets assume.
    "${runas[@]}" sh -c "cat >>'$datadir/postgresql.conf'" <<EOF
# find-outliers benchmark (tests/bench/run.sh), attempt $attempt
listen_addresses = '127.0.0.1'
port = $candidate
unix_socket_directories = '$workdir/socket'
EOF
    if "${runas[@]}" "$pg_bindir/pg_ctl" -D "$datadir" -l "$pglog" -w -t 60 start >/dev/null; then
        port=$candidate
        break
    fi
done
[[ -n $port ]] || { tail -n 20 "$pglog" >&2; die "PostgreSQL would not start; see above"; }
log "PostgreSQL $("$pg_bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=$password
psql_do() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# --- measuring ---------------------------------------------------------------------------------------------------
# Runs a command under /usr/bin/time -v; prints "<wall seconds> <peak RSS in KB>". The command's output goes to
# $workdir/last.out and .err; a failure stops the benchmark with its error output.
timed() {
    local report=$workdir/time.txt
    if ! /usr/bin/time -v -o "$report" "$@" >"$workdir/last.out" 2>"$workdir/last.err"; then
        tail -n 20 "$workdir/last.err" >&2
        die "failed: $*"
    fi
    awk -F': ' '
        /Elapsed \(wall clock\) time/ {
            n = split($2, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
            wall = s
        }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.3f %d\n", wall, rss }' "$report"
}

median() {
    tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

floor_run() {
    psql_do -d "$1" -c CHECKPOINT
    timed psql -X -q -d "$1" \
        -c "\\copy (SELECT id, data_type, value FROM raw_records WHERE email = '$target_email') TO '/dev/null'" \
        -c "\\copy (SELECT id, data_type, value FROM processed_records WHERE email = '$target_email') TO '/dev/null'"
}

# The environment of a run of the tool on database $1 (no Redis, no notifications API), as `env` arguments.
tool_env() {
    tool_env=(env -u REDIS_HOST -u NOTIFICATIONS_API_BASE_URL DB_ENGINE=postgresql DB_HOST="$PGHOST" DB_PORT="$PGPORT"
        DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" DB_NAME="$1")
}

ours_run() {
    psql_do -d "$1" -c "TRUNCATE outliers_records, processed_records_outliers_records, find_outliers_run_types,
                         find_outliers_runs" 2>/dev/null || true # absent before the first run creates them
    psql_do -d "$1" -c CHECKPOINT
    tool_env "$1"
    (cd "$workdir" && timed "${tool_env[@]}" "$binary" --email "$target_email" --no-notify)
}

# The --dry-run --json reports of the COPY read and of the QtSql read, without what differs between any two runs.
# Their peak RSS (KB) go to $workdir/json.rss: "<COPY> <QtSql>".
same_as_qtsql() {
    tool_env "$1"
    local copy_rss qtsql_rss
    copy_rss=$(cd "$workdir" && timed "${tool_env[@]}" "$binary" --email "$target_email" --dry-run --json) || return 1
    cp "$workdir/last.out" "$workdir/copy.json"
    qtsql_rss=$(cd "$workdir" && timed "${tool_env[@]}" FO_READ_METHOD=qtsql "$binary" --email "$target_email" \
        --dry-run --json) || return 1
    cp "$workdir/last.out" "$workdir/qtsql.json"
    echo "${copy_rss#* } ${qtsql_rss#* }" >"$workdir/json.rss"
    (cd "$workdir" &&
        python3 -c '
import json, sys
def load(path):
    report = json.load(open(path))
    for key in ("run_id", "started_at", "finished_at", "iteration"):
        report.pop(key, None)
    return report
sys.exit(0 if load("copy.json") == load("qtsql.json") else 1)')
}

# The --dry-run --json report of the --compare build against ours (copy.json, from same_as_qtsql or made here).
same_as_reference() {
    tool_env "$1"
    (cd "$workdir" &&
        { [[ -s copy.json ]] || "${tool_env[@]}" "$binary" --email "$target_email" --dry-run --json >copy.json 2>/dev/null; } &&
        "${tool_env[@]}" "$reference" --email "$target_email" --dry-run --json >reference.json 2>/dev/null &&
        python3 -c '
import json, sys
def load(path):
    report = json.load(open(path))
    for key in ("run_id", "started_at", "finished_at", "iteration", "tool_version"):
        report.pop(key, None)
    return report
sys.exit(0 if load("copy.json") == load("reference.json") else 1)')
}

results=()
many_results=()
# Measures N = $1 with the target's raw records over $2 data types; appends "N ours floor peak[ jsonCopy jsonQtSql]"
# to results (12 types) or many_results.
bench_size() {
    local n=$1 t=$2 db=bench_$1 label="N = $1"
    if ((t != 12)); then
        db=bench_${n}_t$t label="N = $n, $t types"
    fi
    psql_do -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    psql_do -d "$db" -f "$repo/resources/schema/platform.sql"
    start=$(date +%s.%N)
    psql_do -d "$db" -v n="$n" -v types="$t" -f "$repo/tests/bench/generate.sql"
    log "$label: generated $((4 * n)) raw and $((4 * (n / 4))) processed records in" \
        "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

    floor_run "$db" >/dev/null # warm-up: the same caches for both
    ours_run "$db" >/dev/null
    floors=() ours=() peak=0
    for ((r = 1; r <= repeat; r++)); do
        measured=$(floor_run "$db")
        read -r wall _ <<<"$measured"
        floors+=("$wall")
        measured=$(ours_run "$db")
        read -r wall rss <<<"$measured"
        ours+=("$wall")
        ((rss > peak)) && peak=$rss
    done
    floor_median=$(echo "${floors[*]}" | median)
    ours_median=$(echo "${ours[*]}" | median)
    log "$label: ours ${ours[*]} s; floor ${floors[*]} s; medians $ours_median / $floor_median"
    local json_rss=""
    rm -f "$workdir/copy.json"
    if ((check)); then
        if same_as_qtsql "$db"; then
            json_rss=" $(cat "$workdir/json.rss")"
            log "$label: the COPY read and the QtSql read give the same report (the same flagged ids)"
        else
            kept=$(mktemp -d "${TMPDIR:-/tmp}/fo-bench-mismatch.XXXXXX")
            cp "$workdir"/copy.json "$workdir"/qtsql.json "$kept"/ 2>/dev/null || true
            die "$label: the COPY read and the QtSql read give DIFFERENT reports (or one failed); see $kept"
        fi
    fi
    if [[ -n $reference ]]; then
        if same_as_reference "$db"; then
            log "$label: $reference gives the same report (the same flagged ids)"
        else
            kept=$(mktemp -d "${TMPDIR:-/tmp}/fo-bench-mismatch.XXXXXX")
            cp "$workdir"/copy.json "$workdir"/reference.json "$kept"/ 2>/dev/null || true
            die "$label: $reference gives a DIFFERENT report (or one failed); see $kept"
        fi
    fi
    if ((t == 12)); then
        results+=("$n $ours_median $floor_median $peak$json_rss")
    else
        many_results+=("$n $ours_median $floor_median $peak$json_rss")
    fi
    psql_do -d postgres -c "DROP DATABASE $db"
}

IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
    bench_size "$n" 12
    if [[ -n $types && $types -ne 12 ]]; then
        bench_size "$n" "$types"
    fi
done

# --- the table ---------------------------------------------------------------------------------------------------
echo
if [[ -z $types ]]; then
    printf '%10s %10s %10s %7s %14s\n' N "ours (s)" "floor (s)" ratio "peak RSS (MB)"
    for line in "${results[@]}"; do
        read -r n o f kb _ <<<"$line"
        awk -v n="$n" -v o="$o" -v f="$f" -v kb="$kb" \
            'BEGIN { printf "%10d %10.3f %10.3f %7.2f %14.1f\n", n, o, f, (f > 0 ? o / f : 0), kb / 1024 }'
    done
else
    # Both cases per N, the peak RSS of the --dry-run --json runs (when checked), and the ratio of the peaks.
    printf '%10s %6s %10s %10s %7s %14s %16s %17s\n' N types "ours (s)" "floor (s)" ratio "peak RSS (MB)" \
        "json COPY (MB)" "json QtSql (MB)"
    for i in "${!results[@]}"; do
        for pair in "12 ${results[$i]}" "$types ${many_results[$i]:-}"; do
            read -r t n o f kb jc jq <<<"$pair"
            [[ -n ${n:-} ]] || continue
            awk -v t="$t" -v n="$n" -v o="$o" -v f="$f" -v kb="$kb" -v jc="${jc:-0}" -v jq="${jq:-0}" 'BEGIN {
                printf "%10d %6d %10.3f %10.3f %7.2f %14.1f %16s %17s\n", n, t, o, f, (f > 0 ? o / f : 0), kb / 1024,
                    (jc > 0 ? sprintf("%.1f", jc / 1024) : "-"), (jq > 0 ? sprintf("%.1f", jq / 1024) : "-") }'
        done
    done
    echo
    for i in "${!results[@]}"; do
        read -r n _ _ kb12 _ <<<"${results[$i]}"
        read -r _ _ _ kbt _ <<<"${many_results[$i]:-0 0 0 0}"
        awk -v n="$n" -v t="$types" -v a="$kb12" -v b="$kbt" 'BEGIN {
            printf "at N = %d: peak RSS with %d types %.1f MB, with 12 types %.1f MB: %.2fx (target <= 2: %s)\n",
                n, t, b / 1024, a / 1024, b / a, (b / a <= 2 ? "met" : "NOT met") }'
    done
fi
if ((${#results[@]} >= 2)); then
    read -r n1 o1 _ <<<"${results[${#results[@]} - 2]}"
    read -r n2 o2 f2 kb2 <<<"${results[${#results[@]} - 1]}"
    awk -v n1="$n1" -v o1="$o1" -v n2="$n2" -v o2="$o2" -v f2="$f2" -v kb2="$kb2" 'BEGIN {
        if (n2 >= 1000000)
            printf "\nat N = %d: ours/floor %.2f (target <= 1.5: %s), peak RSS %.1f MB (target <= 120: %s)\n",
                n2, o2 / f2, (o2 / f2 <= 1.5 ? "met" : "NOT met"), kb2 / 1024, (kb2 / 1024 <= 120 ? "met" : "NOT met")
        else
            printf "\n(the targets are set for N = 1000000)\n"
        printf "growth %d -> %d: %.1fx the records, %.1fx our time\n", n1, n2, n2 / n1, o2 / o1
    }'
fi
