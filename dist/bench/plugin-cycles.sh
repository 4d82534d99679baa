#!/usr/bin/env bash
# Switches a plugin off and on CYCLES times and upgrades it UPGRADES times on a running kindred.jar, and reads the
# JVM's own figures before and after with jcmd: metaspace in use and the number of classes loaded and unloaded.
# A host that lets go of a stopped plugin's class loader keeps both flat.
#   - the plugin is the bundled welcome plugin; each upgrade uploads its jar with the next version in its manifest
#   - before the first and after the last figure, a full GC (jcmd GC.run) so that unloading has happened
# Usage: dist/bench/plugin-cycles.sh [path/to/kindred.jar]   (env: CYCLES=100 UPGRADES=20 PORT=17172 JAVA=java)
# Needs curl, jcmd and jar (a JDK). Talks to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kjar=${1:-$here/../target/kindred.jar}
cycles=${CYCLES:-100}
upgrades=${UPGRADES:-20}
port=${PORT:-17172}
java=${JAVA:-java}
base="http://127.0.0.1:$port"

[ -f "$kjar" ] || { echo "no jar at $kjar: build it first (mvn -o install -DskipTests)" >&2; exit 2; }
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

KINDRED_ADMIN_EMAIL=admin@bench.test KINDRED_ADMIN_PASSWORD=bench-password-1 \
  "$java" -jar "$kjar" --port "$port" --data "$work/data" > "$work/kindred.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null --max-time 1 "$base/healthz" && break
  sleep 0.1
done
curl -sf -o /dev/null "$base/healthz" || { echo "kindred did not start; log:" >&2; tail -20 "$work/kindred.log" >&2; exit 1; }

jar_cookie="$work/cookies"
curl -sf -o /dev/null -c "$jar_cookie" -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.test","password":"bench-password-1"}' "$base/api/v1/auth/login"
api() { curl -sf -b "$jar_cookie" -H 'X-Requested-With: kindred' "$@"; }

figures() {
  jcmd "$pid" GC.run > /dev/null
  sleep 1
  local meta loaded unloaded
  meta=$(jcmd "$pid" GC.heap_info | grep -i 'Metaspace' | head -1 | sed -E 's/.*used ([0-9]+K).*/\1/')
  loaded=$(jcmd "$pid" PerfCounter.print | awk -F= '/java.cls.loadedClasses=/ {print $2}')
  unloaded=$(jcmd "$pid" PerfCounter.print | awk -F= '/java.cls.unloadedClasses=/ {print $2}')
  echo "$1: metaspace used $meta; classes loaded $loaded, unloaded $unloaded, live $((loaded - unloaded))"
}

# The welcome jar as extracted from kindred.jar, and its files to repack with other versions.
welcome=$(ls "$work/data/plugins"/kindred-plugin-welcome-*.jar | head -1)
mkdir -p "$work/welcome"
(cd "$work/welcome" && jar xf "$welcome")

next=0
upgrade() {
  next=$((next + 1))
  sed -e "s/^Plugin-Version: .*/Plugin-Version: 1.$next.0/" "$work/welcome/META-INF/MANIFEST.MF" > "$work/manifest"
  rm -f "$work/up.jar"
  (cd "$work/welcome" && jar --create --file "$work/up.jar" --manifest "$work/manifest" $(ls | grep -v META-INF))
  local out
  out=$(api -F "jar=@$work/up.jar" "$base/api/v1/admin/plugins")
  case "$out" in *'"STARTED"'*) ;; *) echo "upgrade to 1.$next.0: $out" >&2; exit 1 ;; esac
}

# Warm up: a few cycles and upgrades so that the host's own classes are loaded before the first figure.
for _ in 1 2 3; do
  api -o /dev/null -X POST "$base/api/v1/admin/plugins/welcome/disable"
  api -o /dev/null -X POST "$base/api/v1/admin/plugins/welcome/enable"
  upgrade
done
figures "before"

t0=$(date +%s)
for i in $(seq 1 "$cycles"); do
  api -o /dev/null -X POST "$base/api/v1/admin/plugins/welcome/disable"
  state=$(api -X POST "$base/api/v1/admin/plugins/welcome/enable")
  case "$state" in *'"STARTED"'*) ;; *) echo "cycle $i: $state" >&2; exit 1 ;; esac
done
figures "after $cycles disable/enable cycles ($(( $(date +%s) - t0 )) s)"

t0=$(date +%s)
for _ in $(seq 1 "$upgrades"); do
  upgrade
done
figures "after $upgrades upgrades ($(( $(date +%s) - t0 )) s)"
