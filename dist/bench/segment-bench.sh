#!/usr/bin/env bash
# Benchmark of segment counts (issue 16): MEMBERS members (default 1,000,000) seeded into the SQLite file of a stopped
# Kindred, then the live counts of a few typical saved segments timed over HTTP (GET /api/v1/admin/segments/{id}).
# Usage: dist/bench/segment-bench.sh [path/to/kindred.jar]   (env: MEMBERS=1000000 RUNS=5 PORT=17274)
# Talks to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-$here/../target/kindred.jar}
members=${MEMBERS:-1000000}
runs=${RUNS:-5}
port=${PORT:-17274}
sqlite_jar=$(ls ${M2_REPO:-~/.m2/repository}/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | grep -v sources | sort -V | tail -1)

[ -f "$jar" ] || { echo "no jar at $jar: build it first" >&2; exit 2; }
work=$(mktemp -d)
. "$here/lib.sh"

start; stop                                   # first start: schema and plugins
java -cp "$sqlite_jar" "$here/SegmentLoad.java" seed "$work/data/kindred.db" "$members"
start
java "$here/SegmentLoad.java" count "http://127.0.0.1:$port" admin@bench.test bench-password-1 "$runs"
stop
echo "database: $(du -h "$work/data/kindred.db" | cut -f1), $(nproc) CPU cores"
