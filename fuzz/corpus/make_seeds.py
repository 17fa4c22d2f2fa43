#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets (fuzz/corpus/<target>/). Run it again after changing it;
the seeds are committed, so a fresh clone needs no Python to fuzz.

The CSV target reads its bytes as a small report (see ByteReader in FuzzChecks.cpp):
  flags (bit 0: all points; bits 1-2: data types - 1), iteration (int16), email NUL,
  then per data type: source byte (bit 0: processed), name NUL, mean, std, k (doubles), points byte (% 5),
  and per point: id step (uint16), value (double), time ms (uint64), outlier byte (bit 0), z (double).
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, target, name), "wb") as f:
        f.write(data)


ENV = {
    "prod": "DB_ENGINE=postgresql\nDB_HOST=db\nDB_PORT=5432\nDB_USER=postgres\nDB_PASSWORD=postgres\nDB_NAME=records\n"
            "REDIS_HOST=redis\nREDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE=REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-\n"
            "NOTIFICATIONS_API_BASE_URL=http://notifications-api:8083/notifications-api/api/v1/notifications\n",
    "bom_export_crlf": "\ufeffexport DB_HOST=\"db.internal\"\r\nexport\tDB_PORT='5433'\r\n# comment\r\n\r\n",
    "comments": "A=1 # one\nB=p#ss\nC= # nothing\nD='x # y'\nE=\"it's\"\nF='say \"hi\"'\n",
    "duplicates": "A=1\nA=2\nexport A=3\n",
    "empty_values": "A=\nB=''\nC=\"\"\n  D  =  spaced  \n",
    "broken_no_equals": "A=1\nthis line is wrong\n",
    "broken_name": "1ABC=x\n",
    "broken_quote": "A=\"never closed\n",
    "broken_after_quote": "A=\"x\" y\n",
    "nul": "A=1\nB=\x00\n",
    "unicode": "NAME=Пульс ❤\nX=\u00a0padded\u00a0\n",
    "port": "DB_PORT=not-a-port\nREDIS_PORT=70000\n",
}

VALUES = ["72", "36.6", "1.2e3", " -0.5 ", "+1e-400", "1e999", "-1e999", "nan", "NaN", "inf", "-Infinity",
          "0x1A", "1_000", "120/80", "PT1H10M", "", "   ", ".5", "5.", "1e", "1e+", "--1", "+-1", "\t42\n",
          "\u0663", "\uff11", "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2e-324",
          "2.2250738585072011e-308", "0.1", "-0", "00012", "1.e5", ".e5", "1 2", "12abc", "\x0b7\x0c",
          "123456789012345678901234567890.123456789012345678901234567890e-10"]


def csv_seed(all_points, iteration, email, types):
    data = bytes([(1 if all_points else 0) | ((len(types) - 1) << 1)])
    data += struct.pack("<h", iteration) + email.encode("utf-8") + b"\0"
    for processed, name, mean, std, k, points in types:
        data += bytes([1 if processed else 0]) + name.encode("utf-8") + b"\0"
        data += struct.pack("<ddd", mean, std, k) + bytes([len(points)])
        for step, value, time_ms, outlier, z in points:
            data += struct.pack("<HdQBd", step, value, time_ms, 1 if outlier else 0, z)
    return data


CSV = {
    "plain": csv_seed(False, 1, "user@example.com",
                      [(False, "HeartRateRecord", 62.5, 4.1, 3.0, [(0, 190.0, 1767225600000, True, 31.1)]),
                       (True, "StepsRecord", 9050.0, 35.3, 2.0, [(3, 40000.0, 1767312000000, True, 876.7)])]),
    "formulas": csv_seed(False, 7, "=cmd|' /C calc'!A0@example.com",
                         [(False, "=SUM(A1:A9)", 0.0, 1.0, 3.0, [(0, -400.0, 0, True, -400.0)]),
                          (False, "+1", 1.0, 0.0, 3.0, [(1, 1.0, 1, True, float("nan"))]),
                          (True, "-2,\"quoted\"\r\nline", -0.0, 1e-300, 2.0, [(2, 5e-324, 2, True, 1.0)]),
                          (True, "@user '=not' \t", float("inf"), float("nan"), 2.5, [(0, 1e308, 3, True, -0.0)])]),
    "all_points": csv_seed(True, -3, "all@example.com",
                           [(False, "<b>&\"x\"</b>", 70.0, 10.0, 3.0,
                             [(0, 60.0, 1000, False, 0.0), (1, 70.0, 2000, False, 0.0), (5, 200.0, 3000, True, 13.0),
                              (0, float("nan"), 4000, False, 0.0)]),
                            (True, "'apostrophe", 1.0, 0.0, 2.0, [(9, 1.0, 5000, False, 0.0)])]),
    "unicode": csv_seed(False, 32767, "юзер@пример.рф",
                        [(False, "Пульс ❤", 1.0, 2.0, 3.0, [(0, 0.1, 4102444799999, True, 2.9999999999999996)])]),
    "broken_utf8": bytes([3, 0, 0]) + b"\xff\xfe\xc0\x80\0" + b"\x01\xed\xa0\x80\0",
}

for name, text in ENV.items():
    write("envfile", name + ".env", text)
for i, value in enumerate(VALUES):
    write("value", "v%02d" % i, value)
for name, data in CSV.items():
    write("csv", name + ".bin", data)
