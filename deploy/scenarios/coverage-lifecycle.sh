#!/usr/bin/env bash
# Issue 4's exchange examples against a running local stack (./deploy/local-stack.sh), through the HTTP APIs and
# the business calendar, checking every status and date:
#   APTC-T  (APTC) pays January, never February: GRACE on 2027-01-24 (grace 2027-02-01..2027-04-30),
#           SUSPENDED on 2027-03-01, TERMINATED on closing 2027-05-01, effective 2027-02-28.
#   APTC-R  (APTC) the same, but pays February and March in full on 2027-03-15: ACTIVE again; then April
#           ahead, which moves only its paid-through date.
#   UNS     (UNSUBSIDIZED) pays January, never February: GRACE on 2027-01-24 to 2027-02-22, TERMINATED on
#           closing 2027-02-23, effective 2027-01-31.
# Prints each account's coverage and history. Needs curl and python3. The account ids are fresh each run; the
# business calendar is shared, so run it on a fresh stack (rm -rf deploy/data) or one whose business date is not
# after 2026-12-20. Every wait polls (WAIT_SECONDS, default 60) instead of sleeping a fixed time.
set -euo pipefail
BILLING=${BILLING:-http://127.0.0.1:8081}
PAYMENT=${PAYMENT:-http://127.0.0.1:8082}
COVERAGE=${COVERAGE:-http://127.0.0.1:8083}
WAIT_SECONDS=${WAIT_SECONDS:-60}
S=service:service-local-only; O=operator:operator-local-only; A=auditor:auditor-local-only
RUN="$(date +%s)"
T="APTC-T-$RUN"; R="APTC-R-$RUN"; U="UNS-$RUN"
failures=0

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }
BODY=$(mktemp); trap 'rm -f "$BODY"' EXIT
status_of() { curl -sS -o "$BODY" -w '%{http_code}' "$@"; } # the body of the last call stays in $BODY
post() { # user url body [idempotency-key] -> prints the HTTP status
  local key=${4:-}
  status_of -u "$1" -H 'Content-Type: application/json' ${key:+-H "Idempotency-Key: $key"} -X POST "$2" -d "$3"
}
must() { # label expected-status command...
  local label=$1 want=$2; shift 2
  local got; got=$("$@")
  if [[ "$got" != "$want" ]]; then echo "  FAIL $label answered $got, expected $want: $(cat "$BODY")"; exit 1; fi
}
coverage() { curl -sS -u "$A" "$COVERAGE/accounts/$1/coverage"; }
# The view as "status since paidThrough graceStart graceEnd termination" (None for a missing date).
summary() {
  coverage "$1" 2>/dev/null | json "' '.join(str(d.get(k)) for k in ('status','since','paidThroughDate','graceStart','graceEnd','terminationEffectiveDate'))" 2>/dev/null || true
}
await_coverage() { # account expected-summary
  local deadline=$((SECONDS + WAIT_SECONDS)) got=""
  while (( SECONDS < deadline )); do
    got=$(summary "$1")
    if [[ "$got" == "$2" ]]; then echo "  ok   $1: $got"; return; fi
    sleep 0.5
  done
  echo "  FAIL $1: $got, expected $2"; failures=$((failures + 1))
}
open() { must "open $1" 201 post $S "$BILLING/accounts" "{\"accountId\":\"$1\",\"holderName\":\"Member $1\",\"program\":\"$2\",\"coverageStart\":\"2027-01-01\",\"language\":\"en\",\"email\":\"$(echo "$1" | tr 'A-Z' 'a-z')@example.org\"}"; }
bill() { must "bill $1 $2" 201 post $S "$BILLING/accounts/$1/bills" "{\"coverageMonth\":\"$2\",\"grossPremiumCents\":50000,\"subsidyCents\":$3}" "bill-$1-m${2//-/}"; }
close_day() { must "close $1" 200 post $O "$BILLING/calendar/days/$1/close" ""; }
# Payment learns accounts and the business date from billing's events; until it has, it refuses (and writes
# nothing), so the same Idempotency-Key is sent again until the payment is accepted.
pay() { # account cents receivedDate
  local key="pay-$1-on-${3//-/}x$2" deadline=$((SECONDS + WAIT_SECONDS)) got=""
  while (( SECONDS < deadline )); do
    got=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$1\",\"amountCents\":$2,\"method\":\"ACH\",\"channel\":\"ONLINE\",\"bankAccountLastFour\":\"6789\",\"receivedDate\":\"$3\"}" "$key")
    if [[ "$got" == "201" || "$got" == "200" ]]; then echo "  paid $1 $2 cents received $3"; return; fi
    sleep 0.5
  done
  echo "  FAIL payment by $1 answered $got: $(cat "$BODY")"; exit 1
}
show() {
  coverage "$1" | python3 -c "
import json,sys
d=json.load(sys.stdin)
print('  %s (%s): %s since %s, paid through %s, grace %s..%s, termination effective %s' % (d['accountId'], d['program'], d['status'], d['since'], d.get('paidThroughDate'), d.get('graceStart'), d.get('graceEnd'), d.get('terminationEffectiveDate')))
for h in d['history']:
    print('    %-15s -> %-15s %-24s effective %s' % (h.get('fromStatus'), h['toStatus'], h['reason'], h['effectiveDate']))"
}

echo "== three accounts, coverage from 2027-01-01; \$500 premium (APTC: \$300 subsidy, \$200 due)"
open "$T" APTC; open "$R" APTC; open "$U" UNSUBSIDIZED
for a in "$T" "$R"; do bill "$a" 2027-01 30000; bill "$a" 2027-02 30000; done
bill "$U" 2027-01 0; bill "$U" 2027-02 0

echo "== January (the binder) paid on 2026-12-20: ACTIVE from 2027-01-01"
close_day 2026-12-20
pay "$T" 20000 2026-12-20; pay "$R" 20000 2026-12-20; pay "$U" 50000 2026-12-20
for a in "$T" "$R" "$U"; do await_coverage "$a" "ACTIVE 2027-01-01 2027-01-31 None None None"; done

echo "== February (due 2027-01-23) unpaid: closing 2027-01-24 records the miss and starts grace"
close_day 2027-01-24
await_coverage "$T" "GRACE 2027-01-24 2027-01-31 2027-02-01 2027-04-30 None"
await_coverage "$R" "GRACE 2027-01-24 2027-01-31 2027-02-01 2027-04-30 None"
await_coverage "$U" "GRACE 2027-01-24 2027-01-31 2027-01-24 2027-02-22 None"
for a in "$T" "$R"; do bill "$a" 2027-03 30000; bill "$a" 2027-04 30000; done

echo "== UNSUBSIDIZED: closing 2027-02-23, the first day after 30 days of grace, terminates back to 2027-01-31"
close_day 2027-02-23
await_coverage "$U" "TERMINATED 2027-01-31 2027-01-31 2027-01-24 2027-02-22 2027-01-31"
await_coverage "$T" "GRACE 2027-01-24 2027-01-31 2027-02-01 2027-04-30 None"

echo "== APTC: closing 2027-03-01 (grace month 2) suspends"
close_day 2027-03-01
await_coverage "$T" "SUSPENDED 2027-03-01 2027-01-31 2027-02-01 2027-04-30 None"
await_coverage "$R" "SUSPENDED 2027-03-01 2027-01-31 2027-02-01 2027-04-30 None"

echo "== $R pays February and March (every past-due bill) in full on 2027-03-15: reinstated"
close_day 2027-03-15
pay "$R" 40000 2027-03-15
await_coverage "$R" "ACTIVE 2027-03-15 2027-03-31 None None None"
echo "== $R pays April (due 2027-03-23) ahead: only the paid-through date moves (CoveragePaidThroughChanged)"
pay "$R" 20000 2027-03-15
await_coverage "$R" "ACTIVE 2027-03-15 2027-04-30 None None None"

echo "== closing 2027-05-01 with $T still unpaid: TERMINATED, effective the last day of grace month 1"
close_day 2027-05-01
await_coverage "$T" "TERMINATED 2027-02-28 2027-01-31 2027-02-01 2027-04-30 2027-02-28"
await_coverage "$R" "ACTIVE 2027-03-15 2027-04-30 None None None"

echo "== coverage and history"
for a in "$T" "$R" "$U"; do show "$a"; done
echo "== accounts by status (first page)"
for s in ACTIVE GRACE SUSPENDED TERMINATED; do
  echo "  $s: $(curl -sS -u "$A" "$COVERAGE/coverage?status=$s&size=200" | json "' '.join(i for i in d['accountIds'] if i.endswith('-$RUN'))")"
done

echo
if (( failures > 0 )); then echo "$failures check(s) FAILED"; exit 1; fi
echo "every status and date checked out"
