#!/usr/bin/env bash
# Measures the single jar as an operator meets it:
#   - time from `java -jar kindred.jar` to the first 200 on /healthz, on a fresh data directory (first start:
#     migrations, plugin extraction, administrator from the environment) and on an existing one (restart);
#     RUNS runs each, median and range
#   - resident memory (VmRSS) of the idle process (with its relaunched child JVM) IDLE_SECONDS after it became
#     healthy, median
#   - the size of kindred.jar
# Usage: dist/bench/startup.sh [path/to/kindred.jar]    (env: RUNS=5 PORT=17171 IDLE_SECONDS=5 JAVA=java)
# Needs curl. Talks to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-$here/../target/kindred.jar}
runs=${RUNS:-5}
port=${PORT:-17171}
idle=${IDLE_SECONDS:-5}
java=${JAVA:-java}

[ -f "$jar" ] || { echo "no jar at $jar: build it first (mvn -o install -DskipTests)" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
  echo "port $port is taken; set PORT" >&2; exit 2
fi

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# start_once DATA_DIR: sets ms (to the first 200) and kb (idle RSS), stops the process again
start_once() {
  local data=$1 t0 t1 code i
  t0=$(now_ms)
  KINDRED_ADMIN_EMAIL=admin@bench.test KINDRED_ADMIN_PASSWORD=bench-password-1 \
    "$java" -jar "$jar" --port "$port" --data "$data" >>"$work/kindred.log" 2>&1 &
  pid=$!
  code=000
  for i in $(seq 1 6000); do            # at most 60 s
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/healthz" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "kindred exited during start; log: $work/kindred.log" >&2; cat "$work/kindred.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(now_ms)
  # CPU (user + system) of the process and its child until the first 200: far less sensitive to a loaded machine
  cpu_ms=$(for p in $pid $(cat /proc/$pid/task/*/children 2>/dev/null); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done \
       | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { print int(s * 1000 / hz) }')
  [ "$code" = 200 ] || { echo "no 200 on /healthz within 60 s" >&2; exit 1; }
  sleep "$idle"
  # the process and its children: without JVM flags the jar relaunches itself in a child JVM
  kb=$(for p in $pid $(cat /proc/$pid/task/*/children 2>/dev/null); do awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null; done \
       | awk '{ s += $1 } END { print s + 0 }')
  kill -TERM "$pid"
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # at most 30 s
  if kill -0 "$pid" 2>/dev/null; then echo "kindred did not stop within 30 s of SIGTERM" >&2; exit 1; fi
  wait "$pid" 2>/dev/null || true
  pid=
  ms=$((t1 - t0))
}

first=() ; again=() ; rss=() ; first_cpu=() ; again_cpu=()
for r in $(seq 1 "$runs"); do
  data="$work/data-$r"
  start_once "$data"; first+=("$ms"); rss+=("$kb"); first_cpu+=("$cpu_ms")
  start_once "$data"; again+=("$ms"); rss+=("$kb"); again_cpu+=("$cpu_ms")
  echo "run $r: first start ${first[-1]} ms, restart ${again[-1]} ms" >&2
done

summary() { printf '%s\n' "$@" | median; }
range() { printf '%s\n' "$@" | sort -n | sed -n '1p;$p' | paste -sd- ; }

echo "kindred.jar: $(stat -c %s "$jar") bytes ($(du -h "$jar" | cut -f1)) $jar"
echo "java: $("$java" -version 2>&1 | head -1); $(nproc) CPUs"
echo "time to first 200 on /healthz, first start (fresh data dir): median $(summary "${first[@]}") ms (range $(range "${first[@]}") ms, $runs runs)"
echo "time to first 200 on /healthz, restart (existing data dir):  median $(summary "${again[@]}") ms (range $(range "${again[@]}") ms, $runs runs)"
echo "CPU to first 200 (launcher + server, user + system): first start median $(summary "${first_cpu[@]}") ms, restart median $(summary "${again_cpu[@]}") ms"
rss_mib=(); for kb in "${rss[@]}"; do rss_mib+=($((kb / 1024))); done
echo "idle RSS ${idle} s after healthy: median $(summary "${rss_mib[@]}") MiB (range $(range "${rss_mib[@]}") MiB, $((runs * 2)) samples)"
