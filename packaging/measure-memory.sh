#!/usr/bin/env bash
# Measures the headless run's peak memory (RSS, from /usr/bin/time -v) and time, for the resource requests and
# limits in packaging/k8s/*.yaml and packaging/airflow/find_outliers_dag.py:
#
#   packaging/measure-memory.sh [BINARY] [SIZE...]     default: build/app/find-outliers, sizes 100000 1000000
#
# Starts a throwaway PostgreSQL (scripts/test-services.sh), creates the platform's tables, and for each SIZE
# generates a user with SIZE raw records over five data types (with spikes and some non-numeric values) and
# SIZE/100 processed records, then runs `find-outliers --email <user> --no-notify` twice (the run writes its
# outliers). Also measures --version and --demo (SQLite, in a temporary HOME). Build in Release for figures that
# match the image. Needs the test set: packaging/bootstrap.sh test; and GNU time (the package `time`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
binary=$(realpath "${1:-${FO_BUILD_DIR:-build}/app/find-outliers}")
shift || true
sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then
    sizes=(100000 1000000)
fi
[[ -x "$binary" ]] || { echo "measure-memory: no program at $binary; build first" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "measure-memory: /usr/bin/time is missing; apt-get install time" >&2; exit 1; }

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
scratch=$(mktemp -d "$FO_TEST_SERVICES_DIR/measure.XXXXXX")
chmod 755 "$scratch"

sql() {
    PGPASSWORD=$FO_TEST_PG_PASSWORD "$FO_TEST_PG_BINDIR/psql" -h "$FO_TEST_PG_HOST" -p "$FO_TEST_PG_PORT" \
        -U "$FO_TEST_PG_USER" -v ON_ERROR_STOP=1 -q "$@"
}

# Prints "<peak RSS in MB> MB, <wall time>" of one command, whose own output goes to $scratch/last.out.
measure() {
    local report="$scratch/time.txt"
    if ! /usr/bin/time -v "$@" >"$scratch/last.out" 2>"$report"; then
        tail -n 40 "$report" >&2
        echo "measure-memory: the run failed: $*" >&2
        return 1
    fi
    awk -F': ' '/Maximum resident set size/ {rss = $2} /Elapsed \(wall clock\)/ {wall = $2}
        END {printf "%6.1f MB  %s\n", rss / 1024, wall}' "$report"
}

run_env=(env -i PATH=/usr/bin:/bin HOME="$scratch" LANG=C.UTF-8 TZ=UTC)
echo "binary: $binary ($("$binary" --version))"
echo "--version:        $(measure "${run_env[@]}" "$binary" --version)"
mkdir -p "$scratch/demo-home"
echo "--demo (SQLite):  $(measure env -i PATH=/usr/bin:/bin HOME="$scratch/demo-home" LANG=C.UTF-8 TZ=UTC \
    "$binary" --demo)"

sql -d postgres -c 'CREATE DATABASE records'
sql -d records -f resources/schema/platform.sql >/dev/null
db_env=("${run_env[@]}" DB_ENGINE=postgresql DB_HOST="$FO_TEST_PG_HOST" DB_PORT="$FO_TEST_PG_PORT"
    DB_USER="$FO_TEST_PG_USER" DB_PASSWORD="$FO_TEST_PG_PASSWORD" DB_NAME=records)
for size in "${sizes[@]}"; do
    email="measure$size@example.com"
    sql -d records <<EOF
INSERT INTO raw_records (data_type, email, time, value)
SELECT (ARRAY['HeartRateRecord', 'BloodOxygenData', 'StepsRecord', 'WeightRecord', 'BodyTemperatureRecord'])[1 + i % 5],
       '$email', now() - i * interval '1 second',
       CASE WHEN i % 997 = 0 THEN 'n/a'
            WHEN i % 1009 = 0 THEN (500 + i % 7)::text
            ELSE (70 + 10 * sin(i) + i % 13)::text END
FROM generate_series(1, $size) AS i;
INSERT INTO processed_records (data_type, email, time, value)
SELECT (ARRAY['StepsRecord', 'DistanceRecord', 'ActiveMinutesRecord', 'SpeedRecord', 'SleepSessionTimeData',
              'TotalCaloriesBurnedRecord'])[1 + i % 6],
       '$email', now() - i * interval '1 day', (1000 + 300 * cos(i))::text
FROM generate_series(1, $size / 100) AS i;
EOF
    for run in 1 2; do
        result=$(measure "${db_env[@]}" "$binary" --email "$email" --no-notify)
        echo "$size raw records, run $run: $result   ($(grep -m1 '^Raw records' "$scratch/last.out"))"
    done
done
