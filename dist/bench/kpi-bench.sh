#!/usr/bin/env bash
# How fast the console's KPIs answer over a big database: seeds (with sqlite3, straight into the tables)
# MEMBERS members over 18 months, TRANSFERS points transfers (80 % issued, 20 % spent) with their entries,
# PURCHASES purchases in two currencies (10 % refunded) and SIGNINS sign-ins, then times
# GET /api/v1/admin/kpis for each preset and a 3-year custom period, and the page (first and best of 3 runs, ms;
# months that are over are kept an hour, so the first run of all is the cold one).
# Usage: dist/bench/kpi-bench.sh [members] [transfers] [purchases] [signins]   (needs sqlite3, curl, a built jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=dist/target/kindred.jar
port=${PORT:-7391}
work=$(mktemp -d)
members=${1:-200000}; transfers=${2:-1000000}; purchases=${3:-300000}; signins=${4:-500000}
source dist/bench/lib.sh

start; stop
db="$work/data/kindred.db"
now=$(($(date +%s) * 1000)); span=46656000000
t0=$(date +%s)
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $members)
INSERT INTO users(email, display_name, referral_code, created_at, updated_at)
SELECT 'b' || i || '@bench.test', 'B' || i, 'BENCH' || i, $now - abs(random()) % $span, $now FROM s;
INSERT OR IGNORE INTO ledger_accounts(asset, system_name, balance, created_at) VALUES ('points', 'issued', 0, $now), ('points', 'spent', 0, $now);
INSERT INTO ledger_accounts(asset, user_id, balance, created_at) SELECT 'points', id, 0, created_at FROM users WHERE email LIKE 'b%@bench.test';
CREATE TEMP TABLE m AS SELECT MIN(id) AS first, COUNT(*) AS n FROM ledger_accounts WHERE user_id IS NOT NULL;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $transfers)
INSERT INTO ledger_transfers(asset, debit_account_id, credit_account_id, amount, reason, idempotency_key, created_at)
SELECT 'points', CASE WHEN i % 5 = 0 THEN acc ELSE issued END, CASE WHEN i % 5 = 0 THEN spent ELSE acc END,
       1 + abs(random()) % 500, 'bench', 'bench:' || i, $now - abs(random()) % $span
  FROM (SELECT i, (SELECT first FROM m) + abs(random()) % (SELECT n FROM m) AS acc,
               (SELECT id FROM ledger_accounts WHERE system_name = 'issued' AND asset = 'points') AS issued,
               (SELECT id FROM ledger_accounts WHERE system_name = 'spent' AND asset = 'points') AS spent FROM s);
INSERT INTO ledger_entries(transfer_id, account_id, amount, balance_after, created_at)
SELECT id, debit_account_id, -amount, 0, created_at FROM ledger_transfers WHERE reason = 'bench'
UNION ALL SELECT id, credit_account_id, amount, 0, created_at FROM ledger_transfers WHERE reason = 'bench';
UPDATE ledger_accounts SET balance = -(SELECT SUM(amount) FROM ledger_transfers WHERE reason = 'bench' AND debit_account_id = ledger_accounts.id)
 WHERE system_name = 'issued' AND asset = 'points';
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $purchases)
INSERT INTO purchases(external_order_id, user_id, amount, currency, status, created_at)
SELECT 'BENCH-' || i, (SELECT MIN(id) FROM users WHERE email LIKE 'b%') + abs(random()) % $members, 100 + abs(random()) % 50000,
       CASE WHEN i % 7 = 0 THEN 'USD' ELSE 'CNY' END, CASE WHEN i % 10 = 0 THEN 'refunded' ELSE 'recorded' END,
       $now - abs(random()) % $span FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $signins)
INSERT INTO sign_ins(user_id, created_at)
SELECT (SELECT MIN(id) FROM users WHERE email LIKE 'b%') + abs(random()) % $members, $now - abs(random()) % $span FROM s;
COMMIT;
SQL
echo "seeded $members members, $transfers transfers, $purchases purchases, $signins sign-ins in $(( $(date +%s) - t0 )) s"
start
jar_cookies="$work/cookies"
curl -s -c "$jar_cookies" -o /dev/null -H 'Content-Type: application/json' -H 'X-Requested-With: kindred' \
  -d '{"email":"admin@bench.test","password":"bench-password-1"}' "http://127.0.0.1:$port/api/v1/auth/login"
today=$(date +%F); three=$(date -d '-1099 days' +%F)
for q in "period=7d" "period=30d" "period=90d" "period=12m" "from=$three&to=$today" "page:period=12m"; do
  best=999999; first=
  for run in 1 2 3; do
    if [ "${q#page:}" != "$q" ]; then url="/console?${q#page:}"; else url="/api/v1/admin/kpis?$q"; fi
    ms=$(curl -s -b "$jar_cookies" -H 'X-Requested-With: kindred' -o "$work/out" -w '%{time_total}' "http://127.0.0.1:$port$url" | awk '{printf "%d", $1 * 1000}')
    [ -z "$first" ] && first=$ms
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$q: first ${first} ms, best ${best} ms ($(head -c 120 "$work/out" | tr -d '\n' | cut -c1-100)...)"
done
stop
