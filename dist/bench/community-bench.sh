#!/usr/bin/env bash
# Benchmark of the community home page (issue 14): GET /community (20 posts with authors and counts) with
# CONCURRENCY clients, anonymous then signed in, on a database of POSTS posts.
# Usage: dist/bench/community-bench.sh [path/to/kindred.jar]   (env: POSTS=100000 MEMBERS=1000 CONCURRENCY=32
#        SECONDS=20 WARMUP=20 PORT=17373)
# Talks to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-$here/../target/kindred.jar}
posts=${POSTS:-100000}
members=${MEMBERS:-1000}
concurrency=${CONCURRENCY:-32}
seconds=${SECONDS_TO_RUN:-${SECONDS:-20}}
port=${PORT:-17373}
sqlite_jar=$(ls ~/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | grep -v sources | sort -V | tail -1)

[ -f "$jar" ] || { echo "no jar at $jar: build it first" >&2; exit 2; }
work=$(mktemp -d)
. "$here/lib.sh"

start; stop                                   # first start: schema and plugins
java -cp "$sqlite_jar" "$here/CommunityLoad.java" seed "$work/data/kindred.db" "$posts" "$members"
start
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
url="http://127.0.0.1:$port/community"
token=$(head -1 "$work/data/bench-community-sessions.txt")
if command -v wrk >/dev/null; then
  # wrk (Debian package 'wrk') drives the load from C, so the driver takes little of the machine's two cores.
  # Warm-up. Under full load the JIT's compiler threads starve on two cores and the server stays interpreted
  # for minutes, so warm up gently, with pauses in which the compiler catches up; then measure the steady state.
  warm=${WARMUP:-20}
  wrk -t2 -c4 -d"${warm}s" "$url" >/dev/null; sleep 10
  wrk -t2 -c4 -d"${warm}s" -H "Cookie: kindred_session=$token" "$url" >/dev/null; sleep 10
  wrk -t2 -c"$concurrency" -d"${warm}s" "$url" >/dev/null; sleep 10
  wrk -t2 -c"$concurrency" -d"${warm}s" -H "Cookie: kindred_session=$token" "$url" >/dev/null; sleep 10
  for who in anonymous signed-in; do
    header=(); [ "$who" = signed-in ] && header=(-H "Cookie: kindred_session=$token")
    echo "GET /community $who, $concurrency connections, ${seconds} s:"
    wrk -t2 -c"$concurrency" -d"${seconds}s" --latency "${header[@]}" "$url" | grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors"
    sleep 5
  done
else
  echo "wrk not installed (apt-get install -y wrk): using the Java driver, which takes a core of its own"
  java "$here/CommunityLoad.java" load "http://127.0.0.1:$port" anonymous "$work/data/bench-community-sessions.txt" "$concurrency" "$seconds"
  java "$here/CommunityLoad.java" load "http://127.0.0.1:$port" signed-in "$work/data/bench-community-sessions.txt" "$concurrency" "$seconds"
fi
stop
