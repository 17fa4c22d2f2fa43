-- Awkward rows for bench-target@example.com. tst_copy_reader loads them (one statement at a time: each ends with ";"
-- at the end of a line) and checks that the COPY read gives exactly what the QtSql read gives on them:
--   * data types with commas, quotes, tabs, newlines, CR, backslashes, control characters, UTF-8, "" and a literal
--     \N (what COPY's text format would have to escape; NULL in that format is \N);
--   * values with surrounding whitespace of every ASCII kind, exponents, signs, and text that is not a number for
--     us ("1_000", non-ASCII digits, nan, inf, "1e999", hex, a backslash, \N);
--   * rows whose place in the table is not their id order (updated rows, rows put in the space of deleted ones),
--     so that the reader's sort by id is exercised;
--   * times on the rounding boundaries of milliseconds, before 1970 and far ahead.

INSERT INTO raw_records (data_type, email, time, value)
SELECT t.name, 'bench-target@example.com', to_timestamp(1704067200 + g * 3600),
       CASE g % 7 WHEN 0 THEN ' ' || (50 + g % 10)::text || ' '
                  WHEN 1 THEN E'\t' || (50 + g % 10)::text || E'\n'
                  WHEN 2 THEN E'\r\n ' || (50 + g % 10)::text || 'e0 ' || chr(11)
                  WHEN 3 THEN (50 + g % 10)::text || E'\f'
                  WHEN 4 THEN repeat(' ', 100) || (50 + g % 10)::text
                  ELSE (50 + g % 10)::text END
FROM (VALUES ('Type,with,commas'), ('Type "quoted" ''single'''), (E'Type\twith\ttabs'), (E'Type\\with\\backslashes'),
             (E'Type\nwith\nnewlines'), (E'Type\rCR'), ('Тип ÜTF-8 ✓'), (''), (E'\\N'), ('N'), (E'\\'), (E'trailing\\'),
             (E'\\t not a tab'), ('Ctl' || chr(8) || chr(11) || chr(12) || chr(1) || chr(127))) AS t(name),
     generate_series(1, 60) AS g;

INSERT INTO raw_records (data_type, email, time, value)
SELECT t.name, 'bench-target@example.com', to_timestamp(1704067200 + 99 * 3600), v.value
FROM (VALUES ('Type,with,commas'), ('Type "quoted" ''single'''), (E'Type\twith\ttabs'), (E'Type\\with\\backslashes'),
             (E'Type\nwith\nnewlines'), (E'Type\rCR'), ('Тип ÜTF-8 ✓'), (''), (E'\\N'), ('N'), (E'\\'), (E'trailing\\'),
             (E'\\t not a tab'), ('Ctl' || chr(8) || chr(11) || chr(12) || chr(1) || chr(127))) AS t(name),
     (VALUES (' 500 '), (E'\t-400\n'), ('1e3'), ('+6.0'), ('1_000'), ('０'), ('nan'), ('inf'), ('-Infinity'), ('1e999'),
             ('1e-400'), ('0x10'), (E'7\\8'), (E'\\N'), ('\N'), (repeat(' ', 100) || '9000'), (repeat('1', 80)), ('5 5'),
             ('.5'), ('5.'), ('.'), ('e5'), ('1e'), ('--1'), ('١٢')) AS v(value);

INSERT INTO processed_records (data_type, email, time, value)
SELECT data_type, email, time, value FROM raw_records
WHERE email = 'bench-target@example.com' AND data_type NOT LIKE '%Record' AND data_type NOT LIKE '%Data'
  AND data_type NOT LIKE '%Time%';

-- Updated rows get new tuple versions elsewhere in the table.
UPDATE raw_records SET value = value WHERE email = 'bench-target@example.com' AND id % 97 = 0;
UPDATE processed_records SET value = value WHERE email = 'bench-target@example.com' AND id % 89 = 0;
-- New rows go into the space of deleted ones.
DELETE FROM raw_records WHERE id % 1013 = 0 AND id NOT IN (SELECT raw_record_id FROM outliers_records);
VACUUM raw_records;
INSERT INTO raw_records (data_type, email, time, value)
SELECT 'HeartRateRecord', 'bench-target@example.com', to_timestamp(1704067200 + g * 60), (70 + g % 5)::text
FROM generate_series(1, 300) AS g;
INSERT INTO raw_records (data_type, email, time, value)
VALUES ('HeartRateRecord', 'bench-target@example.com', '2024-12-31 23:00:00+00', '400');

INSERT INTO raw_records (data_type, email, time, value)
SELECT 'TimeEdges', 'bench-target@example.com', t::timestamptz, (60 + n % 7)::text
FROM (VALUES (1, '1969-12-31 23:59:59.9995+00'), (2, '1969-12-31 23:59:59.9994+00'), (3, '1969-12-31 23:59:59.9996+00'),
             (4, '2024-01-01 00:00:00.0005+00'), (5, '2024-01-01 00:00:00.0004+00'), (6, '2024-01-01 00:00:00.0015+00'),
             (7, '1900-06-30 12:00:00.0025+00'), (8, '4000-01-01 00:00:00.9995+00'), (9, '1970-01-01 00:00:00+00'),
             (10, '2024-02-29 23:59:59.999999+00'), (11, '0001-01-01 00:00:00.0005+00'),
             (12, '1969-12-31 23:59:59.0005+00')) AS e(n, t);
INSERT INTO raw_records (data_type, email, time, value)
VALUES ('TimeEdges', 'bench-target@example.com', '2024-05-05 00:00:00+00', '900');
