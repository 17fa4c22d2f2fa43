#!/usr/bin/env bash
# Batch throughput: USERS users x RECORDS raw records each (plus RECORDS/4 processed), run with --all-users at
# --jobs 1 and --jobs 2 against a throwaway PostgreSQL, printing users per second.
#
#   tests/bench/batch_throughput.sh [build dir]          (USERS=200 RECORDS=5000 by default)
#
# Needs a build (./scripts/test.sh or cmake --build build). Starts its own PostgreSQL via scripts/test-services.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build_dir=${1:-build}
binary=$(realpath "$build_dir/app/find-outliers")
users=${USERS:-200}
records=${RECORDS:-5000}

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
export PGPASSWORD=$FO_TEST_PG_PASSWORD
psql_do() { psql -X -q -v ON_ERROR_STOP=1 -h "$FO_TEST_PG_HOST" -p "$FO_TEST_PG_PORT" -U "$FO_TEST_PG_USER" "$@"; }
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
FROM generate_series(0::bigint, $users * $records - 1) AS g;
INSERT INTO processed_records (data_type, email, time, value)
SELECT 'Daily' || (g % 6), 'user' || (g % $users) || '@example.com',
       timestamptz '2026-01-01' + (g / $users) * interval '1 day',
       (5000 + ((g * 104729) % 2001) - 1000 + CASE WHEN g % 173 = 0 THEN 20000 ELSE 0 END)::text
FROM generate_series(0::bigint, $users * $records / 4 - 1) AS g;
ANALYZE;
SQL
export DB_ENGINE=postgresql DB_HOST=$FO_TEST_PG_HOST DB_PORT=$FO_TEST_PG_PORT DB_USER=$FO_TEST_PG_USER
export DB_PASSWORD=$FO_TEST_PG_PASSWORD DB_NAME=batch_bench REDIS_HOST=$FO_TEST_REDIS_HOST REDIS_PORT=$FO_TEST_REDIS_PORT
printf '\n%-6s %-8s %-9s %-10s %s\n' jobs users records "wall (s)" "users/s"
for jobs in 1 2; do
    start=$(date +%s.%N)
    "$binary" --all-users --jobs "$jobs" --no-notify > /tmp/batch-bench-$jobs.log 2>&1
    end=$(date +%s.%N)
    tail -1 /tmp/batch-bench-$jobs.log | grep -q "$users completed, 0 failed" || { echo "batch run failed:"; tail -3 /tmp/batch-bench-$jobs.log; exit 1; }
    awk -v j="$jobs" -v u="$users" -v r="$records" -v s="$start" -v e="$end" \
        'BEGIN { printf "%-6s %-8s %-9s %-10.2f %.1f\n", j, u, r, e - s, u / (e - s) }'
done
