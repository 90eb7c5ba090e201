#!/usr/bin/env bash
# Walks every receivable path against a running local stack (./deploy/local-stack.sh) and prints the
# resulting balances, ledger lines and trial balance, checking each figure. Needs curl and python3.
# A second account walks an idempotent bill, a rejected refund that is released (the same credit is then
# refunded) and a returned check whose credit was already refunded (the refund is owed back, past due).
# The account id is fresh each run; the business calendar is shared, so run it on a fresh stack
# (rm -rf deploy/data) or one whose business date is not after 2026-12-20.
set -euo pipefail
BILLING=${BILLING:-http://127.0.0.1:8081}
PAYMENT=${PAYMENT:-http://127.0.0.1:8082}
S=service:service-local-only; O=operator:operator-local-only; A=auditor:auditor-local-only
ACCOUNT="S-$(date +%s)"
ACCOUNT2="R-$(date +%s)"
RUN="$RANDOM$RANDOM"
failures=0

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
post_headers() { # user url body idempotency-key: status line, headers and body
  curl -sS -i -u "$1" -H 'Content-Type: application/json' -H "Idempotency-Key: $4" -X POST "$2" -d "$3"
}
status_of() { echo "$1" | head -1 | awk '{print $2}'; }
header_of() { echo "$1" | tr -d '\r' | awk -v h="$2" 'tolower($0) ~ "^"tolower(h)":" {print $2}'; }
settle() { sleep "${SETTLE_SECONDS:-3}"; }

echo "== account $ACCOUNT: APTC, coverage from 2027-01-01; bills Jan and Feb 2027 (\$500 premium, \$300 subsidy)"
post $S "$BILLING/accounts" "{\"accountId\":\"$ACCOUNT\",\"holderName\":\"Sam Ledger\",\"program\":\"APTC\",\"coverageStart\":\"2027-01-01\",\"language\":\"en\",\"email\":\"sam@example.org\"}" >/dev/null
for month in 2027-01 2027-02; do
  post $S "$BILLING/accounts/$ACCOUNT/bills" "{\"coverageMonth\":\"$month\",\"grossPremiumCents\":50000,\"subsidyCents\":30000}" | json "d['billId'] + ' due ' + d['dueDate'] + ': ' + str(d['amountDueCents'])"
done
post $O "$BILLING/calendar/days/2026-12-20/close" "" >/dev/null
settle

echo "== card online \$200 pays January; the same Idempotency-Key again returns the same payment"
card=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT\",\"amountCents\":20000,\"method\":\"CARD\",\"channel\":\"ONLINE\",\"card\":{\"brand\":\"VISA\",\"lastFour\":\"4242\"}}" "card-$RUN")
again=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT\",\"amountCents\":20000,\"method\":\"CARD\",\"channel\":\"ONLINE\",\"card\":{\"brand\":\"VISA\",\"lastFour\":\"4242\"}}" "card-$RUN")
expect "replayed payment id" "$(echo "$again" | json "d['paymentId']")" "$(echo "$card" | json "d['paymentId']")"
conflict=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT\",\"amountCents\":20001,\"method\":\"CARD\",\"channel\":\"ONLINE\",\"card\":{\"brand\":\"VISA\",\"lastFour\":\"4242\"}}" "card-$RUN")
expect "same key, other body" "$(echo "$conflict" | json "d['status']")" "409"
full=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT\",\"amountCents\":100,\"method\":\"CARD\",\"channel\":\"ONLINE\",\"card\":{\"brand\":\"VISA\",\"lastFour\":\"4111 1111 1111 1111\"}}" "pan-$RUN")
expect "full card number" "$(echo "$full" | json "d['status']")" "400"

echo "== mailed check \$250 pays February and leaves \$50 credit"
check=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT\",\"amountCents\":25000,\"method\":\"CHECK\",\"channel\":\"MAIL\",\"checkNumber\":\"$RUN\"}" "check-$RUN")
CHECK_ID=$(echo "$check" | json "d['paymentId']")
settle
echo "== March bill: the \$50 credit pays part of it"
post $S "$BILLING/accounts/$ACCOUNT/bills" "{\"coverageMonth\":\"2027-03\",\"grossPremiumCents\":50000,\"subsidyCents\":30000}" >/dev/null
settle
echo "== bank transfer by phone \$150 pays the rest of March"
post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT\",\"amountCents\":15000,\"method\":\"ACH\",\"channel\":\"PHONE\",\"bankAccountLastFour\":\"6789\"}" "ach-$RUN" >/dev/null

echo "== money order \$120 by mail quoting an unknown account: unapplied until an operator assigns it"
mo=$(post $S "$PAYMENT/payments" "{\"accountId\":\"UNKNOWN-$RUN\",\"amountCents\":12000,\"method\":\"MONEY_ORDER\",\"channel\":\"MAIL\",\"moneyOrderNumber\":\"MO$RUN\"}" "mo-$RUN")
MO_ID=$(echo "$mo" | json "d['paymentId']")
expect "money order status" "$(echo "$mo" | json "d['status']")" "UNAPPLIED"
settle
expect "in the unapplied queue" "$(get "$PAYMENT/payments/unapplied?limit=500" | json "'$MO_ID' in [p['paymentId'] for p in d['payments']]")" "True"
post $O "$PAYMENT/payments/$MO_ID/assignment" "{\"accountId\":\"$ACCOUNT\",\"note\":\"matched by the member's letter\"}" "assign-$RUN" >/dev/null
settle
expect "credit after assignment" "$(get "$BILLING/accounts/$ACCOUNT/balance" | json "d['creditCents']")" "12000"

echo "== refund \$70 of the credit: paid; an April bill takes the other \$50; a refund of \$30 more is rejected"
r1=$(post $S "$PAYMENT/payments/$MO_ID/refund" '{"amountCents":7000}' "refund1-$RUN" | json "d['refundId']")
settle
expect "refund of \$70" "$(get "$PAYMENT/refunds/$r1" | json "d['status']")" "REFUNDED"
post $S "$BILLING/accounts/$ACCOUNT/bills" "{\"coverageMonth\":\"2027-04\",\"grossPremiumCents\":50000,\"subsidyCents\":30000}" >/dev/null
settle
r2=$(post $S "$PAYMENT/payments/$MO_ID/refund" '{"amountCents":3000}' "refund2-$RUN" | json "d['refundId']")
settle
expect "refund of \$30 with no credit left" "$(get "$PAYMENT/refunds/$r2" | json "d['status']")" "REJECTED"
too_much=$(post $S "$PAYMENT/payments/$MO_ID/refund" '{"amountCents":6000}' "refund3-$RUN" | json "d.get('status')")
expect "refunds beyond the payment" "$too_much" "409"

echo "== close 2027-01-24: February was paid, nothing is missed"
post $O "$BILLING/calendar/days/2027-01-24/close" "" >/dev/null
settle
echo "== the check is returned: February and the credit it gave March open again; February is missed retroactively"
post $S "$PAYMENT/payments/$CHECK_ID/reversal" '{"reason":"RETURNED_CHECK","reversedDate":"2027-01-24"}' "reverse-$RUN" >/dev/null
settle

echo "== balance now, and as of two earlier dates"
get "$BILLING/accounts/$ACCOUNT/balance"; echo
get "$BILLING/accounts/$ACCOUNT/balance?asOf=2027-01-24"; echo
get "$BILLING/accounts/$ACCOUNT/balance?asOf=2027-01-01"; echo
balance=$(get "$BILLING/accounts/$ACCOUNT/balance")
expect "balance" "$(echo "$balance" | json "d['balanceCents']")" "40000"
expect "open on bills (Feb 200 + Mar 50 + Apr 150)" "$(echo "$balance" | json "d['openCents']")" "40000"
expect "past due (February)" "$(echo "$balance" | json "d['pastDueCents']")" "20000"
expect "credit" "$(echo "$balance" | json "d['creditCents']")" "0"
expect "February missed" "$(get "$BILLING/accounts/$ACCOUNT/bills" | json "[b['missed'] for b in d['bills'] if b['coverageMonth']=='2027-02'][0]")" "True"

echo "== ledger (effective date, event, debit, credit, running balance, Kafka position)"
get "$BILLING/accounts/$ACCOUNT/ledger?limit=100" | python3 -c "
import json,sys
d=json.load(sys.stdin)
for l in d['lines']:
    print('  %s  %-22s %9d %9d %9d  %s/%s@%s  by %s' % (l['effectiveDate'], l['eventType'], l['debitCents'], l['creditCents'], l['runningBalanceCents'], l['topic'], l['partition'], l['offset'], l['issuedBy']))"
echo "== ledger.csv (first lines)"
curl -sS -u "$A" "$BILLING/accounts/$ACCOUNT/ledger.csv" | head -3

echo
echo "== account $ACCOUNT2: coverage from 2027-03-01; March bill issued with an Idempotency-Key"
post $S "$BILLING/accounts" "{\"accountId\":\"$ACCOUNT2\",\"holderName\":\"Rae Refund\",\"program\":\"APTC\",\"coverageStart\":\"2027-03-01\",\"language\":\"en\",\"email\":\"rae@example.org\"}" >/dev/null
march='{"coverageMonth":"2027-03","grossPremiumCents":50000,"subsidyCents":30000}'
bill1=$(post_headers $S "$BILLING/accounts/$ACCOUNT2/bills" "$march" "bill-$RUN")
bill2=$(post_headers $S "$BILLING/accounts/$ACCOUNT2/bills" "$march" "bill-$RUN")
expect "bill: first answer" "$(status_of "$bill1")" "201"
expect "bill: same key again is a replay" "$(status_of "$bill2") $(header_of "$bill2" Idempotent-Replayed)" "201 true"
expect "bill: same key, other body" "$(post $S "$BILLING/accounts/$ACCOUNT2/bills" '{"coverageMonth":"2027-03","grossPremiumCents":50001,"subsidyCents":30000}' "bill-$RUN" | json "d['status']")" "409"
expect "bill issued on the business date" "$(get "$BILLING/accounts/$ACCOUNT2/ledger" | json "d['lines'][0]['effectiveDate']")" "2027-01-24"

echo "== mailed check \$300: March takes \$200, \$100 is credit"
check2=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$ACCOUNT2\",\"amountCents\":30000,\"method\":\"CHECK\",\"channel\":\"MAIL\",\"checkNumber\":\"B$RUN\"}" "check2-$RUN")
CHECK2_ID=$(echo "$check2" | json "d['paymentId']")
settle
expect "credit" "$(get "$BILLING/accounts/$ACCOUNT2/balance" | json "d['creditCents']")" "10000"

echo "== refund of \$300 is rejected (only \$100 credit); the payment releases it, so \$100 of the same credit can be refunded"
r4=$(post $S "$PAYMENT/payments/$CHECK2_ID/refund" '{"amountCents":30000}' "refund4-$RUN" | json "d['refundId']")
settle
expect "refund of \$300" "$(get "$PAYMENT/refunds/$r4" | json "d['status']")" "REJECTED"
for _ in $(seq 1 20); do
  [[ "$(get "$PAYMENT/payments/$CHECK2_ID" | json "d['refundRequestedCents']")" == "0" ]] && break
  sleep 0.5
done
expect "rejected refund no longer counts on the payment" "$(get "$PAYMENT/payments/$CHECK2_ID" | json "d['refundRequestedCents']")" "0"
r5=$(post $S "$PAYMENT/payments/$CHECK2_ID/refund" '{"amountCents":10000}' "refund5-$RUN")
expect "refund of \$100 accepted" "$(echo "$r5" | json "d.get('status')")" "PENDING"
settle
expect "refund of \$100" "$(get "$PAYMENT/refunds/$(echo "$r5" | json "d['refundId']")" | json "d['status']")" "REFUNDED"

echo "== the check is returned after its \$100 credit was refunded: March opens again and the \$100 is owed back"
post $S "$PAYMENT/payments/$CHECK2_ID/reversal" '{"reason":"RETURNED_CHECK","reversedDate":"2027-01-24"}' "reverse2-$RUN" >/dev/null
settle
post $O "$BILLING/calendar/days/2027-01-25/close" "" >/dev/null
settle
get "$BILLING/accounts/$ACCOUNT2/balance"; echo
balance2=$(get "$BILLING/accounts/$ACCOUNT2/balance")
expect "balance (March 200 + refund owed 100)" "$(echo "$balance2" | json "d['balanceCents']")" "30000"
expect "past due (the refund owed, due 2027-01-24)" "$(echo "$balance2" | json "d['pastDueCents']")" "10000"
expect "credit" "$(echo "$balance2" | json "d['creditCents']")" "0"
expect "refund owed item" "$(get "$BILLING/accounts/$ACCOUNT2/bills" | json "[(b['kind'], b['openCents'], b['pastDue']) for b in d['bills'] if b['kind']=='REFUND_OWED']")" "[('REFUND_OWED', 10000, True)]"
expect "aging as of 2027-02-24 (refund owed 31 days past due)" "$(get "$BILLING/accounts/$ACCOUNT2/balance?asOf=2027-02-24" | json "d['aging']['days31To60Cents']")" "10000"
get "$BILLING/accounts/$ACCOUNT2/ledger?limit=100" | python3 -c "
import json,sys
d=json.load(sys.stdin)
for l in d['lines']:
    print('  %s  %-22s %9d %9d %9d  %s' % (l['effectiveDate'], l['eventType'], l['debitCents'], l['creditCents'], l['runningBalanceCents'], l['description']))"

echo "== trial balance (every ledger account; debits equal credits)"
get "$BILLING/audit/trial-balance" | python3 -c "
import json,sys
d=json.load(sys.stdin)
print(json.dumps(d, indent=1)[:3000])"
tb=$(get "$BILLING/audit/trial-balance")
expect "trial balance nets to zero" "$(echo "$tb" | json "d['totals']['netCents'] if 'totals' in d else d.get('netCents')")" "0"
expect "nothing left on unapplied cash" "$(echo "$tb" | json "sum(a['netCents'] for a in d['accounts'] if a['ledgerAccount']=='UNAPPLIED_CASH')")" "0"

echo
if (( failures > 0 )); then echo "$failures check(s) FAILED"; exit 1; fi
echo "every figure checked out"
