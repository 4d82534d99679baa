#!/usr/bin/env bash
# Benchmark of the check-in path (issue 5): sustained check-ins over HTTP by CONCURRENCY members, next to the
# physical limit of SQLite on this machine measured in the same run (../shared/bench/SqliteLimit.java, same
# pragmas: WAL, synchronous as Kindred's db.synchronous).
# Usage: dist/bench/checkin-bench.sh [path/to/kindred.jar]   (env: MEMBERS=30000 CONCURRENCY=32 SECONDS=20
#        SYNC=FULL PORT=17272 SQLITE_LIMIT=<path to SqliteLimit.java>)
# Talks to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-$here/../target/kindred.jar}
members=${MEMBERS:-30000}
concurrency=${CONCURRENCY:-32}
seconds=${SECONDS_TO_RUN:-${SECONDS:-20}}
sync=${SYNC:-FULL}
port=${PORT:-17272}
limit=${SQLITE_LIMIT:-$here/../../../shared/bench/SqliteLimit.java}
sqlite_jar=$(ls ~/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | grep -v sources | sort -V | tail -1)

[ -f "$jar" ] || { echo "no jar at $jar: build it first" >&2; exit 2; }
work=$(mktemp -d)
server_env=(KINDRED_DB_SYNCHRONOUS="$sync")
. "$here/lib.sh"

start; stop                                   # first start: schema and plugins
java -cp "$sqlite_jar" "$here/CheckinLoad.java" seed "$work/data/kindred.db" "$members"
start
java "$here/CheckinLoad.java" load "http://127.0.0.1:$port" "$work/data/bench-sessions.txt" "$concurrency" "$seconds"
stop
java -jar "$jar" --data "$work/data" doctor | tail -1
if [ -f "$limit" ]; then
  java -cp "$sqlite_jar" "$limit" 5 "$sync"
else
  echo "SqliteLimit.java not found at $limit (set SQLITE_LIMIT)"
fi
