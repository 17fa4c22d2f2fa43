#!/usr/bin/env bash
# Batch throughput (issue 14): USERS users x RECORDS raw records each (plus RECORDS/4 processed) in one throwaway
# PostgreSQL, run with --all-users against the floor measured in the same run, with a per-stage breakdown per user.
#
#   tests/bench/batch_throughput.sh [build dir]          (USERS=200 RECORDS=5000 by default)
#   USERS=10000 RECORDS=1000 SHARDS=4 tests/bench/batch_throughput.sh     the scale test (item 3)
#
# Settings (environment): USERS, RECORDS; JOBS (default "1 2"); SHARDS (default 0: no sharded run; N > 1 also runs
# the batch as N processes, one --shard I/N each, at the same time, and checks that they ran every user once);
# PODS (default "1 4 16"): the pod counts of the projection for 100,000 users; FLOOR=0 skips the floor.
#
# It prints, each measured in this run:
#   floor    one psql session streaming every user's raw and processed rows one user after another (COPY to
#            /dev/null, as tests/bench/run.sh measures the fetch floor) and inserting, per user in one transaction,
#            the same outlier ids that find-outliers stores (taken from its dry run);
#   dry-run  find-outliers --all-users --dry-run --jobs J
#   run      find-outliers --all-users --no-notify --jobs J (with Redis; stores one iteration per user)
#   shards   (SHARDS > 1) N processes find-outliers --all-users --no-notify --shard I/N --jobs 1, at once
# with wall time, users/s, the ratio to the floor, and the mean milliseconds per user of each stage of the real run
# with --jobs 1 (--stage-times: connect, tables, privileges, lock, reserve, flag, read-raw, detect, read-processed,
# outlier-times, write, flag-end, disconnect, other) and the projected wall time for 100,000 users on K pods.
#
# Needs a build (./scripts/test.sh or cmake --build build). Starts its own PostgreSQL and Redis via
# scripts/test-services.sh; python3 reads the JSON reports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build_dir=${1:-build}
binary=$(realpath "$build_dir/app/find-outliers")
users=${USERS:-200}
records=${RECORDS:-5000}
jobs_list=${JOBS:-1 2}
shards=${SHARDS:-0}
pods_list=${PODS:-1 4 16}
floor_enabled=${FLOOR:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/fo-batch-bench.XXXXXX")

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
trap 'rm -rf "$work"; fo_stop_services' EXIT
export PGPASSWORD=$FO_TEST_PG_PASSWORD
psql_do() { psql -X -q -v ON_ERROR_STOP=1 -h "$FO_TEST_PG_HOST" -p "$FO_TEST_PG_PORT" -U "$FO_TEST_PG_USER" "$@"; }
now() { date +%s.%N; }
echo "bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
echo "bench: filling $users users x $records raw + $((records / 4)) processed records" >&2
psql_do -d postgres -c "CREATE DATABASE batch_bench"
psql_do -d batch_bench -f resources/schema/platform.sql
# Users interleaved by id; 12 types; ~0.5% spikes; ~0.1% non-numeric values.
psql_do -d batch_bench <<SQL
INSERT INTO raw_records (data_type, email, time, value)
SELECT 'Type' || (g % 12),
       'user' || (g % $users) || '@example.com',
       timestamptz '2026-01-01' + (g / $users) * interval '1 hour',
       CASE WHEN g % 997 = 0 THEN 'n/a'
            WHEN g % 211 = 0 THEN (100 + (g % 12) * 10 + 60)::text
            ELSE (100 + (g % 12) * 10 + ((g * 7919) % 21 - 10) * 0.5)::text END
FROM generate_series(0::bigint, $users::bigint * $records - 1) AS g;
INSERT INTO processed_records (data_type, email, time, value)
SELECT 'Daily' || (g % 6), 'user' || (g % $users) || '@example.com',
       timestamptz '2026-01-01' + (g / $users) * interval '1 day',
       (5000 + ((g * 104729) % 2001) - 1000 + CASE WHEN g % 173 = 0 THEN 20000 ELSE 0 END)::text
FROM generate_series(0::bigint, $users::bigint * $records / 4 - 1) AS g;
SQL
psql_do -d batch_bench -c "VACUUM ANALYZE"
export DB_ENGINE=postgresql DB_HOST=$FO_TEST_PG_HOST DB_PORT=$FO_TEST_PG_PORT DB_USER=$FO_TEST_PG_USER
export DB_PASSWORD=$FO_TEST_PG_PASSWORD DB_NAME=batch_bench REDIS_HOST=$FO_TEST_REDIS_HOST REDIS_PORT=$FO_TEST_REDIS_PORT
unset NOTIFICATIONS_API_BASE_URL

results=$work/results
: >"$results"
record() { # name seconds
    echo "$1 $2" >>"$results"
}
check_summary() { # log: the closing summary says every user completed
    tail -1 "$1" | grep -q "$users completed, 0 failed" || {
        echo "bench: the batch did not complete every user; the end of its output:" >&2
        tail -3 "$1" >&2
        exit 1
    }
}

# Dry runs first: they warm the cache for everyone, and the first one's report gives the outlier ids for the floor.
for jobs in $jobs_list; do
    start=$(now)
    "$binary" --all-users --dry-run --json --jobs "$jobs" >"$work/dry-$jobs.json" 2>"$work/dry-$jobs.log"
    record "dry-run/jobs=$jobs" "$(echo "$(now) - $start" | bc)"
    check_summary "$work/dry-$jobs.log"
done

if [[ $floor_enabled == 1 ]]; then
    # The floor script: per user, the two COPYs and, in one transaction, the INSERTs of its outlier ids (iteration 0,
    # removed afterwards).
    python3 - "$work/dry-$(echo "$jobs_list" | awk '{print $1}').json" >"$work/floor.sql" <<'PY'
import json, sys
for report in json.load(open(sys.argv[1])):
    email = report["email"].replace("'", "''")
    print(f"\\copy (SELECT id, data_type, value FROM raw_records WHERE email = '{email}' ORDER BY id) TO '/dev/null'")
    print(f"\\copy (SELECT id, data_type, value FROM processed_records WHERE email = '{email}' ORDER BY id) TO '/dev/null'")
    print("BEGIN;")
    for table, column, source in (("outliers_records", "raw_record_id", "raw"),
                                  ("processed_records_outliers_records", "processed_record_id", "processed")):
        ids = [o["record_id"] for t in report[source]["types"] for o in t["outliers"]]
        if ids:
            print(f"INSERT INTO {table} ({column}, outliers_search_iteration_num, outliers_search_iteration_datetime) "
                  f"SELECT unnest('{{{','.join(map(str, ids))}}}'::bigint[]), 0, now();")
    print("COMMIT;")
PY
    start=$(now)
    psql_do -d batch_bench -f "$work/floor.sql" >/dev/null
    record floor "$(echo "$(now) - $start" | bc)"
    psql_do -d batch_bench -c "DELETE FROM outliers_records WHERE outliers_search_iteration_num = 0;
        DELETE FROM processed_records_outliers_records WHERE outliers_search_iteration_num = 0;"
    psql_do -d batch_bench -c "VACUUM ANALYZE"
fi

for jobs in $jobs_list; do
    start=$(now)
    "$binary" --all-users --no-notify --jobs "$jobs" --stage-times >"$work/run-$jobs.log" 2>&1
    record "run/jobs=$jobs" "$(echo "$(now) - $start" | bc)"
    check_summary "$work/run-$jobs.log"
done

if ((shards > 1)); then
    start=$(now)
    pids=()
    for ((i = 0; i < shards; i++)); do
        "$binary" --all-users --no-notify --jobs 1 --shard "$i/$shards" --json >"$work/shard-$i.json" \
            2>"$work/shard-$i.log" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || { echo "bench: a shard failed:" >&2; tail -3 "$work"/shard-*.log >&2; exit 1; }
    done
    record "shards=$shards" "$(echo "$(now) - $start" | bc)"
    # Every user exactly once over the shards.
    python3 - "$users" "$work"/shard-*.json <<'PY'
import json, sys
users = int(sys.argv[1])
seen = [r["email"] for path in sys.argv[2:] for r in json.load(open(path))]
assert len(seen) == len(set(seen)), "a user ran in two shards"
assert set(seen) == {f"user{i}@example.com" for i in range(users)}, "a user ran in no shard"
assert all(r["status"] == "completed" for path in sys.argv[2:] for r in json.load(open(path)))
PY
fi
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

floor=$(awk '$1 == "floor" { print $2 }' "$results")
printf '\n%-16s %8s %10s %9s %12s %8s\n' run users "wall (s)" "users/s" "ms per user" "x floor"
while read -r name seconds; do
    awk -v n="$name" -v u="$users" -v s="$seconds" -v f="${floor:-0}" 'BEGIN {
        ratio = f > 0 ? sprintf("%.2f", s / f) : "-"
        printf "%-16s %8d %10.2f %9.1f %12.2f %8s\n", n, u, s, u / s, 1000 * s / u, ratio }'
done <"$results"

first_jobs=$(echo "$jobs_list" | awk '{print $1}')
echo
echo "Stages of the real run with --jobs $first_jobs, mean ms per user (a worker's time; with 2 jobs, 2 at once):"
grep 'stages, mean ms per email' "$work/run-$first_jobs.log" | sed 's/.*: //' | tr ',' '\n' |
    awk 'NF == 2 { printf "  %-16s %8.2f\n", $1, $2; total += $2 } END { printf "  %-16s %8.2f\n", "total", total }'
echo "Per user, the first 3 (ms):"
grep '^\[' "$work/run-$first_jobs.log" | sed -n '1,3s/^/  /p'

# Projection for 100,000 users on K pods, each one process with --jobs 1: a pod runs at the rate of one worker here
# (the --jobs 1 run, or the --jobs J run's rate / J), and all pods together at most at the floor's rate (what one
# database server like this one streams), whichever is lower.
per_pod=$(awk -v u="$users" '$1 ~ /^run\/jobs=/ { split($1, a, "="); r = u / $2 / a[2]; if (a[2] == 1 || best == "") best = r; if (a[2] == 1) one = r }
    END { print (one != "" ? one : best) }' "$results")
database=$(awk -v u="$users" '$1 == "floor" { print u / $2 }' "$results")
echo
echo "Projected wall time for 100,000 users: a pod (--jobs 1) does $(printf '%.1f' "$per_pod") users/s here; the database" \
    "${database:+streams $(printf '%.1f' "$database") users/s (the floor)}"
for k in $pods_list; do
    awk -v k="$k" -v r="$per_pod" -v d="${database:-0}" 'BEGIN {
        rate = k * r; bound = "pods"
        if (d > 0 && d < rate) { rate = d; bound = "database" }
        if (rate > 0) printf "  %3d pods: %7.0f s (%.1f min, bound by the %s)\n", k, 100000 / rate, 100000 / rate / 60, bound }'
done
