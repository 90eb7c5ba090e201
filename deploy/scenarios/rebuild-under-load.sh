#!/usr/bin/env bash
# Issue 7's "done" run against a running local stack (./deploy/local-stack.sh on an empty PREMIUM_DATA_DIR):
#  1. loads --accounts accounts (default 3000) through the HTTP APIs, --concurrency (8) in flight: each opens,
#     gets a January bill (one in three a February one too) and, except one in ten, pays (in full, half, or
#     $50 more than due, by ACH, card, mailed check or phone);
#  2. keeps commands going at --load-rate per second (new accounts with a bill, next months' bills, payments)
#     and balance/bills queries at --probe-rate per second, logging every request with its time and status;
#  3. meanwhile rebuilds billing's balance projection with the operator CLI
#     (deploy/premium-ops.sh rebuild billing account-views --wait, progress bar and all);
#  4. stops the load, waits for billing's consumer lag (ledger_consumer_lag) to be 0, and reads every account's
#     /balance, /bills and /history from the rebuilt copy;
#  5. computes the same views as a fresh start would: one more billing-service process under another
#     application name (so new consumer groups read the topics from offset zero) with its own empty database in
#     the stack's store, reading the local stack's broker; it is read the
#     same way, stopped, and its consumer groups deleted. It must write nothing to the stack's broker, so it runs
#     its projections only (premium.consumer.replay-only=true: no reaction sends a command to an account its empty
#     database does not have), and its producers are pointed at a closed port as well
#     (spring.kafka.producer.bootstrap-servers); the end offsets of the billing topic and of every dead-letter
#     topic are checked unchanged;
#  6. compares every account: rebuilt copy vs fresh start (every field of /balance and /bills), vs /history
#     (re-derived from the account's stored events alone) and vs what the script itself had accepted;
#  7. runs promtool check metrics on /actuator/prometheus of the four services.
# Prints a summary and exits non-zero if a check fails. Needs curl, python3, java (for the CLI and the fresh
# billing process) and promtool (skipped with a warning if missing). Build first (./mvnw -DskipTests package;
# local-stack.sh does). Files go to --output (default /tmp/rebuild-under-load-<tag>).
#   deploy/scenarios/rebuild-under-load.sh [--accounts=3000] [--concurrency=8] [--load-rate=10] [--probe-rate=5]
#                                          [--output=DIR] [--no-fresh-start]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BILLING=${BILLING:-http://127.0.0.1:8081}
PAYMENT=${PAYMENT:-http://127.0.0.1:8082}
COVERAGE=${COVERAGE:-http://127.0.0.1:8083}
NOTIFICATION=${NOTIFICATION:-http://127.0.0.1:8084}
KAFKA=${KAFKA:-127.0.0.1:${PREMIUM_KAFKA_PORT:-9092}}
A=auditor:auditor-local-only; O=operator:operator-local-only
ACCOUNTS=3000; CONCURRENCY=8; LOAD_RATE=10; PROBE_RATE=5; OUTPUT=""; FRESH=1
for arg in "$@"; do
  case "$arg" in
    --accounts=*) ACCOUNTS=${arg#*=} ;;
    --concurrency=*) CONCURRENCY=${arg#*=} ;;
    --load-rate=*) LOAD_RATE=${arg#*=} ;;
    --probe-rate=*) PROBE_RATE=${arg#*=} ;;
    --output=*) OUTPUT=${arg#*=} ;;
    --no-fresh-start) FRESH=0 ;;
    *) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
# Letters only: payment-service refuses 13+ digits in a row (a possible card number) in any field or key.
TAG="RU$(python3 -c "import random,string; print(''.join(random.choices(string.ascii_uppercase, k=4)))")"
OUT=${OUTPUT:-/tmp/rebuild-under-load-$TAG}
mkdir -p "$OUT"
HELPER=(python3 -u "$ROOT/deploy/scenarios/rebuild-under-load.py")
VERSION=0.1.0-SNAPSHOT
FRESH_NAME="billing-fresh-$(echo "$TAG" | tr 'A-Z' 'a-z')"
failures=0; during_pid=""; fresh_pid=""

cleanup() {
  [[ -n "$during_pid" ]] && kill "$during_pid" 2>/dev/null || true
  [[ -n "$fresh_pid" ]] && kill "$fresh_pid" 2>/dev/null && wait "$fresh_pid" 2>/dev/null || true
}
trap cleanup EXIT
step() { echo; echo "== $(date -u +%H:%M:%S) $*"; }
check() { # label exit-code
  if [[ "$2" == 0 ]]; then echo "  ok   $1"; else echo "  FAIL $1"; failures=$((failures + 1)); fi
}
ops() { "$ROOT/deploy/premium-ops.sh" "$@"; }
epoch() { python3 -c "import datetime,sys; print(datetime.datetime.fromisoformat(sys.argv[1].replace('Z','+00:00')).timestamp())" "$1"; }
kafka_tool() { # Kafka's own command-line tools (kafka-tools jar); their logging goes to stdout, so it is filtered
  java -cp "$ROOT/deploy/target/lib/*" "org.apache.kafka.tools.$1" --bootstrap-server "$KAFKA" "${@:2}" 2>/dev/null \
    | grep -v -E '^[0-9:.]+ \[|^\s|^$'
}
end_offsets() { kafka_tool GetOffsetShell --topic-partitions 'premium\.billing\.v1|premium\..*\.dlt' | sort; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); v=d.get(sys.argv[1]); print('' if v is None else v)" "$1"; }

step "preflight: the local stack, the jars, promtool (tag $TAG, files in $OUT)"
for url in "$BILLING" "$PAYMENT" "$COVERAGE" "$NOTIFICATION"; do
  curl -sf "$url/actuator/health" >/dev/null || { echo "  $url is not healthy: start ./deploy/local-stack.sh first"; exit 1; }
done
jar="$ROOT/billing-service/target/billing-service-$VERSION-exec.jar"
[[ -f "$jar" && -d "$ROOT/deploy/target/lib" ]] || { echo "  build first: ./mvnw -DskipTests package"; exit 1; }
state=$(curl -sS -u "$O" "$BILLING/operations/projections/account-views" | field state)
[[ "$state" != RUNNING && "$state" != SWITCHING ]] || { echo "  a rebuild of account-views is $state already"; exit 1; }
ops status billing account-views

step "1. load $ACCOUNTS accounts ($CONCURRENCY requests in flight)"
rc=0; "${HELPER[@]}" load --billing "$BILLING" --payment "$PAYMENT" --tag "$TAG" --out "$OUT" \
  --accounts "$ACCOUNTS" --concurrency "$CONCURRENCY" | tee "$OUT/load.out" || rc=$?
check "every load command accepted" $rc
"${HELPER[@]}" lag --url "$BILLING" --group-prefix billing-service. || true

step "2. steady load: $LOAD_RATE commands/s and $PROBE_RATE balance queries/s until the rebuild is over"
: > "$OUT/created.txt"; rm -f "$OUT/stop"
"${HELPER[@]}" during --billing "$BILLING" --payment "$PAYMENT" --tag "$TAG" --out "$OUT" \
  --accounts-file "$OUT/accounts.txt" --created-file "$OUT/created.txt" --stop-file "$OUT/stop" \
  --rate "$LOAD_RATE" --probe-rate "$PROBE_RATE" > "$OUT/during.out" 2>&1 &
during_pid=$!
sleep 5  # the load is running before the rebuild starts

step "3. rebuild the balance projection while the load goes on"
rc=0; ops rebuild billing account-views --wait --url "$BILLING" || rc=$?
check "rebuild billing account-views --wait ended DONE" $rc
sleep 5  # and goes on a little after the switch, on the rebuilt copy
touch "$OUT/stop"; wait "$during_pid" || true; during_pid=""
echo "  load and queries over the whole window (before, during and after the rebuild):"
cat "$OUT/during.out"
status_json=$(curl -sS -u "$O" "$BILLING/operations/projections/account-views")
echo "$status_json" > "$OUT/rebuild-status.json"
started_at=$(echo "$status_json" | field startedAt); finished_at=$(echo "$status_json" | field finishedAt)
events=$(echo "$status_json" | field eventsProcessed); pace=$(echo "$status_json" | field eventsPerSecond)
generation=$(echo "$status_json" | field generation)
seconds=$(python3 -c "print(f'{$(epoch "$finished_at") - $(epoch "$started_at"):.1f}')")
average=$(python3 -c "print(f'{$events / max($seconds, 0.001):.0f}')")
rc=0; "${HELPER[@]}" window --dir "$OUT" --start "$(epoch "$started_at")" --end "$(epoch "$finished_at")" \
  | tee "$OUT/window.out" || rc=$?
check "every command accepted and every query answered 200 during the rebuild" $rc

step "4. stop: wait for billing's consumers, then read every account from the rebuilt copy"
rc=0; "${HELPER[@]}" lag --url "$BILLING" --group-prefix billing-service. --require ".events" || rc=$?
check "billing caught up" $rc
cat "$OUT/accounts.txt" "$OUT/created.txt" > "$OUT/all-accounts.txt"
rc=0; "${HELPER[@]}" dump --url "$BILLING" --accounts-file "$OUT/all-accounts.txt" --out "$OUT/live.jsonl" --history || rc=$?
check "every account's /balance, /bills and /history answered" $rc

fresh_args=()
if (( FRESH )); then
  step "5. a fresh start: $FRESH_NAME (new consumer groups, an empty database of its own) reads the topics from offset zero"
  port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  end_offsets > "$OUT/offsets-before-fresh.txt"
  fresh_started=$(date +%s)
  java -Xmx"${PREMIUM_SERVICE_HEAP_MB:-384}"m -jar "$jar" --spring.profiles.active=local --server.port="$port" \
    --spring.kafka.bootstrap-servers="$KAFKA" --spring.application.name="$FRESH_NAME" \
    --spring.data.mongodb.uri="mongodb://127.0.0.1:${PREMIUM_MONGO_PORT:-27017}/${FRESH_NAME//-/_}" \
    --premium.consumer.partitions="${PREMIUM_PARTITIONS:-4}" --premium.consumer.replay-only=true \
    --spring.kafka.producer.bootstrap-servers=127.0.0.1:1 --spring.kafka.producer.properties.max.block.ms=1000 \
    > "$OUT/$FRESH_NAME.log" 2>&1 &
  fresh_pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 "$fresh_pid" 2>/dev/null || { echo "  $FRESH_NAME exited; see $OUT/$FRESH_NAME.log"; exit 1; }
    (( $(date +%s) - fresh_started < 180 )) || { echo "  $FRESH_NAME did not start in 180s"; exit 1; }
    sleep 1
  done
  echo "  $FRESH_NAME is up on port $port after $(( $(date +%s) - fresh_started ))s"
  rc=0; "${HELPER[@]}" lag --url "http://127.0.0.1:$port" --group-prefix "$FRESH_NAME." --require .events || rc=$?
  check "the fresh start caught up with the topics" $rc
  echo "  from launch to caught up: $(( $(date +%s) - fresh_started ))s"
  rc=0; "${HELPER[@]}" dump --url "http://127.0.0.1:$port" --accounts-file "$OUT/all-accounts.txt" --out "$OUT/fresh.jsonl" || rc=$?
  check "every account answered by the fresh start" $rc
  kill "$fresh_pid"; wait "$fresh_pid" 2>/dev/null || true; fresh_pid=""
  end_offsets > "$OUT/offsets-after-fresh.txt"
  rc=0; diff "$OUT/offsets-before-fresh.txt" "$OUT/offsets-after-fresh.txt" | sed 's/^/  /' || rc=$?
  check "the fresh start wrote nothing to the broker (end offsets of the billing topic and the $(grep -c . "$OUT/offsets-after-fresh.txt") partitions checked)" $rc
  # A consumer that did not leave its group cleanly keeps it "not empty" until its session times out (45s).
  for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
    groups=$(kafka_tool consumer.group.ConsumerGroupCommand --list | grep "^$FRESH_NAME\." || true)
    [[ -n "$groups" ]] || break
    # shellcheck disable=SC2046
    kafka_tool consumer.group.ConsumerGroupCommand --delete $(printf -- '--group %s ' $groups) >/dev/null || true
    sleep 5
  done
  check "the fresh start's consumer groups deleted${groups:+ (left: $groups)}" "$([[ -z "$groups" ]] && echo 0 || echo 1)"
  fresh_args=(--fresh "$OUT/fresh.jsonl")
fi

step "6. compare every account"
rc=0; "${HELPER[@]}" compare --live "$OUT/live.jsonl" "${fresh_args[@]}" --ledger "$OUT"/ledger-*.jsonl \
  | tee "$OUT/compare.out" || rc=$?
check "no mismatch" $rc

step "7. promtool check metrics on /actuator/prometheus"
if command -v promtool >/dev/null; then
  for service in billing:$BILLING payment:$PAYMENT coverage:$COVERAGE notification:$NOTIFICATION; do
    name=${service%%:*}; url=${service#*:}
    curl -sS -u "$A" "$url/actuator/prometheus" > "$OUT/metrics-$name.txt"
    rc=0; lint=$(promtool check metrics < "$OUT/metrics-$name.txt" 2>&1) || rc=$?
    [[ -z "$lint" ]] || rc=${rc/#0/1}  # a warning counts too
    families=$(grep -c '^# TYPE' "$OUT/metrics-$name.txt" || true)
    check "$name: promtool check metrics ($families metric families)${lint:+: $lint}" $rc
  done
else
  echo "  WARNING promtool is not installed: skipped"
fi

step "summary"
grep -h "accounts:" "$OUT"/load.out 2>/dev/null || true
echo "  accounts: $ACCOUNTS loaded, $(wc -l < "$OUT/created.txt") more opened by the steady load; compared: $(wc -l < "$OUT/all-accounts.txt")"
echo "  rebuild of account-views: $events events in ${seconds}s (${average} events/s on average; last sampled pace ${pace}/s), copy $generation in use"
sed 's/^ */  /' "$OUT/window.out"
grep -h "mismatches" "$OUT/compare.out" | sed 's/^ */  /'
if (( failures )); then echo "FAILED: $failures check(s) failed; files in $OUT"; exit 1; fi
echo "ALL CHECKS PASSED; files in $OUT"
