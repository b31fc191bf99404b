#!/usr/bin/env python3
"""What a BI tool's driver sees of examples/dashboard.sql.

Creates a scratch database (textsense_bi_check), loads the sample reviews
and scores them (examples/sample_reviews.sql, examples/score_reviews.sql,
run by psql), then runs every query of examples/dashboard.sql through
psycopg2 and checks that each returns rows of plain values only: Python
float, int, str or datetime.date. A numeric column (decimal.Decimal), a
composite (a "(...)" string), an array, bytea, a timestamp or a boolean
fails, as does a column whose type does not match what its name promises
(score/avg/share/percent: float, day: date, counts: int, names and text:
str). Each query is also run under two more TimeZone settings and must give
the same rows. Finally sentiment() and sentiment_detail() are checked
directly. Prints a short report and exits non-zero on any failure.

Connects with the libpq environment (PGHOST, PGPORT, PGUSER, ...), e.g.
from the top directory:

    LANG=C.UTF-8 pg_virtualenv -t -v 15 python3 test/bi_client_check.py

Needs psycopg2 (Debian: python3-psycopg2) and psql on PATH.
"""
import contextlib
import datetime
import decimal
import os
import re
import subprocess
import sys

try:
    import psycopg2
except ImportError:
    # python3 on PATH may be another interpreter (pyenv, a virtualenv) than
    # the system one that Debian's python3-psycopg2 is installed for.
    system_python = "/usr/bin/python3"
    if (os.path.exists(system_python)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)
            and not os.environ.get("TEXTSENSE_BI_CHECK_REEXEC")):
        print(f"psycopg2 not importable by {sys.executable}; re-running with {system_python}",
              file=sys.stderr)
        os.environ["TEXTSENSE_BI_CHECK_REEXEC"] = "1"
        sys.stdout.flush()
        os.execv(system_python, [system_python] + sys.argv)
    sys.exit("bi_client_check: psycopg2 is missing (Debian: apt-get install python3-psycopg2)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
DB = "textsense_bi_check"

# Result column types a dashboard query may return (pg_type OIDs) and the
# Python types psycopg2 maps them to.
ALLOWED_PG_TYPES = {
    20: "bigint", 21: "smallint", 23: "integer",
    700: "real", 701: "double precision",
    25: "text", 1043: "varchar",
    1082: "date",
}
NATIVE_TYPES = (float, int, str, datetime.date)

# Expected Python type by column name; the first matching rule wins. A
# column no rule matches is a failure: name it so one does, or add a rule.
NAME_RULES = [
    (re.compile(r"^(day|date|week|month)$"), datetime.date),
    (re.compile(r"score|avg|share|percent|ratio|mean"), float),
    (re.compile(r"^(id|reviews|mentions|count|rows|sentences|tokens)$"
                r"|_(id|count|reviews|mentions)$|^(n|num)_"), int),
    (re.compile(r"^(product|label|adjective|token|word|lang)$|sentence$"), str),
]

# Session time zones each query is also run under: far east, far west.
OTHER_TIME_ZONES = ["Pacific/Kiritimati", "America/Los_Angeles"]

failures = []


def fail(message):
    failures.append(message)
    print(f"  FAIL: {message}")


def expected_type(column):
    for pattern, pytype in NAME_RULES:
        if pattern.search(column):
            return pytype
    return None


def value_problem(value):
    """Why value is not a plain value a BI tool can chart, or None."""
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):
        return f"decimal.Decimal {value!r} (a numeric column: cast it to float8)"
    if isinstance(value, (memoryview, bytes, bytearray)):
        return f"binary value {type(value).__name__}"
    if type(value) not in NATIVE_TYPES:
        return f"{type(value).__module__}.{type(value).__name__} {value!r}"
    if isinstance(value, str) and re.fullmatch(r"\(.*\)", value, re.S):
        return f"string {value!r} looks like a composite value: expand it with (...).*"
    return None


def type_name(pytype):
    return "date" if pytype is datetime.date else pytype.__name__


def check_result(name, description, rows, name_rules=True):
    """Checks the columns and values of one result; returns the column summary."""
    columns = []
    for index, column in enumerate(description):
        pg_type = ALLOWED_PG_TYPES.get(column.type_code)
        if pg_type is None:
            fail(f"{name}: column {column.name} has type OID {column.type_code}, "
                 f"not one of {sorted(set(ALLOWED_PG_TYPES.values()))}")
            pg_type = f"oid {column.type_code}"
        values = [row[index] for row in rows]
        for value in values:
            problem = value_problem(value)
            if problem:
                fail(f"{name}: column {column.name}: {problem}")
                break
        seen = sorted({type_name(type(v)) for v in values if v is not None}) or ["NULL"]
        if name_rules:
            want = expected_type(column.name)
            if want is None:
                fail(f"{name}: no type expectation for column name {column.name!r} "
                     "(add a rule to NAME_RULES or rename the column)")
            elif any(v is not None and type(v) is not want for v in values):
                fail(f"{name}: column {column.name} should be {type_name(want)}, "
                     f"got {', '.join(seen)}")
        columns.append(f"{column.name} {pg_type}->{'/'.join(seen)}")
    return columns


def dashboard_queries(path):
    """(name, sql) for each statement of path. A statement ends with a ';'
    at the end of a line that is not a comment; its name is the comment
    block right above it, up to the first colon."""
    queries = []
    comment, sql = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if not sql:
                if stripped.startswith("--"):
                    comment.append(stripped[2:].strip())
                    continue
                if not stripped:
                    comment = []  # a blank line ends a comment block
                    continue
            sql.append(line)
            if not stripped.startswith("--") and stripped.endswith(";"):
                title = " ".join(comment).split(": ")[0] or f"statement {len(queries) + 1}"
                queries.append((title, "".join(sql).strip()))
                comment, sql = [], []
    if "".join(sql).strip():
        queries.append((" ".join(comment) or "last statement", "".join(sql).strip()))
    return queries


def run_psql(dbname, path):
    result = subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-f", path],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        print(result.stdout)
        raise SystemExit(f"bi_client_check: psql -f {path} failed (exit {result.returncode})")


def checker_self_test(cur):
    """The checks catch what they are for (else a pass would mean little)."""
    bad = {
        "SELECT 0.5::numeric AS avg_score": "Decimal",
        "SELECT sentiment_detail('I love it') AS detail": "composite",
        "SELECT now() AS day": "timestamp",
        "SELECT 1::float8 AS reviews": "float in a count column",
    }
    for sql, what in bad.items():
        cur.execute(sql)
        rows = cur.fetchall()
        before = len(failures)
        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            check_result("self-test", cur.description, rows)
        caught = len(failures) > before
        del failures[before:]
        if not caught:
            fail(f"checker self-test: {sql!r} ({what}) was not caught")
    print(f"==> checker self-test: {len(bad)} bad results ({', '.join(bad.values())}) tried")


def main():
    admin = psycopg2.connect(dbname=os.environ.get("PGDATABASE") or "postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        cur.execute(f"CREATE DATABASE {DB} TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        conn = psycopg2.connect(dbname=DB)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute("CREATE EXTENSION textsense")
            print(f"==> {DB}: loading and scoring the sample reviews (psql)")
            run_psql(DB, os.path.join(EXAMPLES, "sample_reviews.sql"))
            run_psql(DB, os.path.join(EXAMPLES, "score_reviews.sql"))
            with conn.cursor() as cur:
                check_all(cur)
        finally:
            conn.close()
    finally:
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        admin.close()

    if failures:
        print(f"==> FAILED: {len(failures)} problem(s)")
        for message in failures:
            print(f"  - {message}")
        return 1
    print("==> all BI client checks passed")
    return 0


def check_all(cur):
    cur.execute("SELECT extversion FROM pg_extension WHERE extname = 'textsense'")
    print(f"==> textsense {cur.fetchone()[0]}, psycopg2 {psycopg2.__version__}")

    checker_self_test(cur)

    queries = dashboard_queries(os.path.join(EXAMPLES, "dashboard.sql"))
    print(f"==> examples/dashboard.sql: {len(queries)} queries")
    if not queries:
        fail("no queries found in examples/dashboard.sql")
    for name, sql in queries:
        cur.execute("SET TimeZone = 'UTC'")
        cur.execute(sql)
        rows = cur.fetchall()
        print(f"{name}: {len(rows)} rows")
        if not rows:
            fail(f"{name}: no rows")
        columns = check_result(name, cur.description, rows)
        print(f"    {'; '.join(columns)}")
        for zone in OTHER_TIME_ZONES:
            cur.execute(f"SET TimeZone = '{zone}'")
            cur.execute(sql)
            if cur.fetchall() != rows:
                fail(f"{name}: other rows with TimeZone {zone} than with UTC")
        cur.execute("RESET TimeZone")

    print("==> direct calls")
    cur.execute("SELECT sentiment('I love it') AS score")
    rows = cur.fetchall()
    print(f"sentiment('I love it'): {rows[0][0]!r}")
    print(f"    {'; '.join(check_result('sentiment()', cur.description, rows))}")
    if type(rows[0][0]) is not float or not rows[0][0] > 0:
        fail(f"sentiment('I love it') should be a positive float, got {rows[0][0]!r}")

    cur.execute("SELECT (sentiment_detail('I love it')).*")
    rows = cur.fetchall()
    print(f"(sentiment_detail('I love it')).*: {rows[0]!r}")
    # Its columns are named by the type, not by NAME_RULES: checked below.
    print(f"    {'; '.join(check_result('sentiment_detail()', cur.description, rows, name_rules=False))}")
    want = {"score": float, "label": str, "positive": float, "negative": float,
            "neutral": float, "sentences": int, "tokens": int, "lang": str}
    got = {column.name: type(value) for column, value in zip(cur.description, rows[0])}
    if got != want:
        fail(f"(sentiment_detail()).* columns: expected "
             f"{ {k: type_name(v) for k, v in want.items()} }, got "
             f"{ {k: type_name(v) for k, v in got.items()} }")
    elif rows[0][1] != "positive":
        fail(f"sentiment_detail('I love it') label should be positive, got {rows[0][1]!r}")


if __name__ == "__main__":
    sys.exit(main())
