#!/usr/bin/env bash
# Kept for old notes: the check-in benchmark is now `dist/bench/run checkin` (same load driver CheckinLoad.java,
# members seeded by `java -jar kindred.jar seed`, SQLite's limit in the same run). Env: CHECKIN_MEMBERS (was MEMBERS),
# CONNECTIONS (was CONCURRENCY), SECONDS_EACH (was SECONDS), SYNC, PORT, SQLITE_LIMIT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export JAR=${1:-${JAR:-$here/../target/kindred.jar}}
export CHECKIN_MEMBERS=${CHECKIN_MEMBERS:-${MEMBERS:-30000}} CONNECTIONS=${CONNECTIONS:-${CONCURRENCY:-32}}
export SECONDS_EACH=${SECONDS_EACH:-${SECONDS_TO_RUN:-20}} PORT=${PORT:-17272}
exec "$here/run" checkin
