-- Deterministic benchmark data for find-outliers (tests/bench/run.sh loads it). Usage:
--
--   psql -v ON_ERROR_STOP=1 -v n=1000000 -f tests/bench/generate.sql      (into a database with the platform's tables)
--   psql -v ON_ERROR_STOP=1 -v n=1000000 -v types=50000 -f tests/bench/generate.sql       (the "many types" mode)
--
-- Four users, interleaved by id (row i belongs to user i % 4): the target bench-target@example.com and three
-- others that a run for the target must ignore. Each gets n raw records over 12 data types, in upload batches of
-- 25 records of one type, spread over the year 2024, and n/4 processed records (daily aggregates of 8 types).
-- Values: a normal distribution per type (plausible mean and spread), about 0.5% spikes of 6-12 standard
-- deviations, about 0.1% values that are not numbers ('', 'n/a', '120/80', 'PT1H10M', 'null').
-- With -v types=T (T other than 12), each raw record instead gets one of T data types 'Type00001'... drawn per
-- record (about n/T records a type, the type changing from one row to the next: the worst case for grouping),
-- with the same values; the processed records stay as they are. Memory must follow the rows, not the types.
-- Every pseudo-random draw is a hash of the row number (hashint8extended), so the same n gives the same rows,
-- ids and values on every run and every machine.

\if :{?n}
\else
\echo 'generate.sql: give the number of raw records per user with -v n=N'
SELECT 1 / 0 AS missing_n;
\endif

\if :{?types}
\else
\set types 12
\endif

SET client_min_messages = warning;

BEGIN;

CREATE SCHEMA fo_bench;

-- A uniform draw in [0, 1) from row i and stream s.
CREATE FUNCTION fo_bench.u(i bigint, s bigint) RETURNS float8 LANGUAGE sql IMMUTABLE
AS $$ SELECT (hashint8extended(i, s) & 9007199254740991)::float8 / 9007199254740992.0 $$;

-- A standard normal draw (Box-Muller) from row i and streams s, s + 1.
CREATE FUNCTION fo_bench.z(i bigint, s bigint) RETURNS float8 LANGUAGE sql IMMUTABLE
AS $$ SELECT sqrt(-2.0 * ln(1.0 - fo_bench.u(i, s))) * cos(2.0 * pi() * fo_bench.u(i, s + 1)) $$;

-- A record's value text: mostly mean + sd * z rounded to `decimals`, some spikes, a few non-numbers.
CREATE FUNCTION fo_bench.value(i bigint, s bigint, mean float8, sd float8, lo float8, decimals int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
    WHEN fo_bench.u(i, s + 2) < 0.001
        THEN (ARRAY['', 'n/a', '120/80', 'PT1H10M', 'null'])[1 + ((hashint8extended(i, s + 3) & 1023) % 5)::int]
    ELSE round(greatest(lo, CASE
        WHEN fo_bench.u(i, s + 4) < 0.005
            THEN mean + (CASE WHEN fo_bench.u(i, s + 5) < 0.8 THEN 1 ELSE -1 END) * (6 + 6 * fo_bench.u(i, s + 6)) * sd
        ELSE mean + sd * fo_bench.z(i, s) END)::numeric, decimals)::text
END $$;

CREATE FUNCTION fo_bench.email(u bigint) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT (ARRAY['bench-target@example.com', 'bench-other1@example.com', 'bench-other2@example.com',
                    'bench-other3@example.com'])[1 + u::int] $$;

-- Rows are inserted in the order of i (a function scan feeding the insert), so ids follow i.
INSERT INTO raw_records (data_type, email, time, value)
SELECT CASE WHEN :types = 12
            THEN (ARRAY['HeartRateRecord', 'BloodOxygenData', 'StepsRecord', 'DistanceRecord', 'SpeedRecord',
                        'ActiveCaloriesBurnedRecord', 'TotalCaloriesBurnedRecord', 'WeightRecord',
                        'BodyTemperatureRecord', 'RespiratoryRateRecord', 'SleepSessionTimeData',
                        'RestingHeartRateRecord'])[s.k]
            ELSE 'Type' || lpad((1 + (hashint8extended(s.i, 11) & 1073741823) % :types)::text, 5, '0') END,
       fo_bench.email(s.u),
       to_timestamp(1704067200 + s.j * (31536000.0 / :n) + 60 * fo_bench.u(s.i, 90)),
       fo_bench.value(s.i, 100,
                      (ARRAY[72, 97, 420, 310, 1.35, 22, 88, 74.2, 36.6, 15.5, 435, 61]::float8[])[s.k],
                      (ARRAY[11, 1.2, 310, 230, 0.35, 9, 17, 0.9, 0.25, 2.2, 55, 6]::float8[])[s.k],
                      (ARRAY[30, 70, 0, 0, 0, 0, 0, 30, 34, 5, 0, 30]::float8[])[s.k],
                      (ARRAY[0, 1, 0, 1, 2, 1, 1, 1, 1, 1, 0, 0])[s.k])
FROM (SELECT g.i, g.i % 4 AS u, g.i / 4 AS j,
             1 + ((hashint8extended((g.i % 4) * 1000000000000 + (g.i / 4) / 25, 7) & 1023) % 12)::int AS k
      FROM generate_series(0::bigint, 4 * :n - 1) AS g(i)) AS s;

-- Daily aggregates: per user n/4 records, the 8 processed types in turn.
INSERT INTO processed_records (data_type, email, time, value)
SELECT (ARRAY['StepsRecord', 'DistanceRecord', 'ActiveCaloriesBurnedRecord', 'TotalCaloriesBurnedRecord',
              'ActiveMinutesRecord', 'HeartMinutesRecord', 'SleepSessionTimeData', 'SpeedRecord'])[s.k],
       fo_bench.email(s.u),
       to_timestamp(1704067200 + (s.j / 8) * (31536000.0 / greatest(1, :n / 32))),
       fo_bench.value(s.i, 200,
                      (ARRAY[9000, 6500, 480, 2300, 55, 28, 430, 1.3]::float8[])[s.k],
                      (ARRAY[3000, 2200, 150, 250, 25, 15, 60, 0.25]::float8[])[s.k],
                      (ARRAY[0, 0, 0, 1200, 0, 0, 0, 0]::float8[])[s.k],
                      (ARRAY[0, 1, 1, 1, 0, 0, 0, 2])[s.k])
FROM (SELECT g.i, g.i % 4 AS u, g.i / 4 AS j, 1 + ((g.i / 4) % 8)::int AS k
      FROM generate_series(0::bigint, 4 * (:n / 4) - 1) AS g(i)) AS s;

DROP SCHEMA fo_bench CASCADE;

COMMIT;

VACUUM (ANALYZE) raw_records, processed_records;
