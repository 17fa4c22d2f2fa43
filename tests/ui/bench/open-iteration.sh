#!/usr/bin/env bash
# What opening a stored iteration costs the desktop (issue 12 item 6), and the count query behind a run's progress
# (item 5), at N raw records per user: a throwaway PostgreSQL (scripts/test-services.sh) filled by
# tests/bench/generate.sql, two stored iterations of the target user (k 3, then k 2.5, by the headless tool), then
# open_iteration_bench times each step as the window runs it.
#
#   tests/ui/bench/open-iteration.sh [N ...]        default: 1000000 3000000
#
# Environment: BUILD_DIR (default <repo>/build, with the tests configured). Prints the machine's load first: the
# figures are wall clock times and grow on a busy machine.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
build=${BUILD_DIR:-$repo/build}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000000 3000000)

cmake --build "$build" --target open_iteration_bench find-outliers >/dev/null
# shellcheck source=scripts/test-services.sh
source "$repo/scripts/test-services.sh"
export PGHOST=$FO_TEST_PG_HOST PGPORT=$FO_TEST_PG_PORT PGUSER=${FO_TEST_PG_USER:-postgres} PGPASSWORD=$FO_TEST_PG_PASSWORD
psql_do() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$@"; }
email=bench-target@example.com

for n in "${sizes[@]}"; do
    db=fo_open_bench_$n
    psql_do -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    psql_do -d "$db" -f "$repo/resources/schema/platform.sql"
    start=$(date +%s)
    psql_do -d "$db" -v n="$n" -f "$repo/tests/bench/generate.sql"
    psql_do -d "$db" -c "VACUUM ANALYZE"
    echo "N = $n: generated in $(($(date +%s) - start)) s"
    export DB_ENGINE=postgresql DB_HOST=$PGHOST DB_PORT=$PGPORT DB_USER=$PGUSER DB_PASSWORD=$PGPASSWORD DB_NAME=$db
    unset REDIS_HOST NOTIFICATIONS_API_BASE_URL || true
    "$build/app/find-outliers" --email "$email" --no-notify >/dev/null
    "$build/app/find-outliers" --email "$email" --no-notify --raw-threshold 2.5 >/dev/null
    echo "load: $(uptime)"
    "$build/tests/ui/bench/open_iteration_bench" --email "$email" --repeat 5 || true
    psql_do -d postgres -c "DROP DATABASE $db"
done
