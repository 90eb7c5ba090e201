#!/usr/bin/env bash
# Issue 4's APTC example against a running local stack (./deploy/local-stack.sh), through the HTTP APIs and the
# business calendar, and the notices members receive: prints each account's notices and what arrived in the
# local stack's inbox (email over SMTP, SMS through the gateway), checking the sequence of notice types and that
# each notice arrived exactly once. Needs curl and python3. Waits by polling, never for a fixed time.
#   unpaid (en):     January paid 2026-12-20, February never; grace 2027-02-01..04-30, suspended 03-01,
#                    warned 30 and 10 days before the grace end, terminated on 05-01 effective 02-28
#   reinstated (es): the same until suspended, pays February and March on 03-15 (ACTIVE again), April on 03-20
#   sms (en):        wants SMS; billed for January only
# The business calendar is one per stack and this moves it to 2027-05-01, so run it on a fresh stack
# (PREMIUM_DATA_DIR pointing at an empty directory) whose business date is not after 2026-12-20.
set -euo pipefail
BILLING=${BILLING:-http://127.0.0.1:8081}
PAYMENT=${PAYMENT:-http://127.0.0.1:8082}
COVERAGE=${COVERAGE:-http://127.0.0.1:8083}
NOTIFICATION=${NOTIFICATION:-http://127.0.0.1:8084}
INBOX=${INBOX:-http://127.0.0.1:${PREMIUM_INBOX_PORT:-8025}}
WAIT_SECONDS=${WAIT_SECONDS:-60}
S=service:service-local-only; O=operator:operator-local-only; A=auditor:auditor-local-only
RUN="$(( $(date +%s) % 1000000 ))"
UNPAID="N-U$RUN"; REINSTATED="N-R$RUN"; SMS="N-S$RUN"
SMS_PHONE="+1617555$(printf '%04d' $((RUN % 10000)))"
failures=0

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
until_true() { # description command...: polls every half second until the command succeeds
  local what=$1; shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then echo "  FAIL timed out after ${WAIT_SECONDS}s waiting for $what" >&2; exit 1; fi
    sleep 0.5
  done
}
notice_sent() { # account notice-id
  get "$NOTIFICATION/accounts/$1/notices?limit=500" \
    | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if any(n['noticeId']==sys.argv[1] and n['status']=='SENT' for n in d.get('notices', [])) else 1)" "$2"
}
await_notice() { until_true "$2" notice_sent "$1" "$2"; echo "  sent $2"; }
coverage_is() { [[ "$(get "$COVERAGE/accounts/$1/coverage" | json "d.get('status')")" == "$2" ]]; }
await_coverage() { until_true "coverage of $1 to be $2" coverage_is "$1" "$2"; echo "  coverage of $1: $2"; }
close_day() { # date
  expect "business date after closing $1" "$(post $O "$BILLING/calendar/days/$1/close" "" | json "d['businessDate']")" "$1"
}
bill() { # account month
  post $S "$BILLING/accounts/$1/bills" "{\"coverageMonth\":\"$2\",\"grossPremiumCents\":50000,\"subsidyCents\":30000}" \
    | json "'  billed ' + d['billId'] + ' due ' + d['dueDate'] + ': ' + str(d['amountDueCents'])"
}
pay() { # account cents date: prints the payment id
  # payment-service learns the business date from billing's calendar: until it has, the date is refused as in
  # the future (nothing recorded) and the same request goes again. The key has no long digit run, which
  # payment-service would refuse as a possible card number.
  local key="pay_${1}_${3//-/}" deadline=$((SECONDS + WAIT_SECONDS)) answer id
  while true; do
    answer=$(post $S "$PAYMENT/payments" "{\"accountId\":\"$1\",\"amountCents\":$2,\"method\":\"ACH\",\"channel\":\"ONLINE\",\"bankAccountLastFour\":\"6789\",\"receivedDate\":\"$3\"}" "$key")
    id=$(echo "$answer" | json "d.get('paymentId') or ''")
    if [[ -n "$id" ]]; then echo "$id"; return; fi
    if [[ "$answer" != *received-date-in-future* ]] || (( SECONDS >= deadline )); then
      echo "  FAIL payment of $2 for $1 on $3: $answer" >&2; exit 1
    fi
    sleep 0.5
  done
}

for url in "$BILLING" "$PAYMENT" "$COVERAGE" "$NOTIFICATION"; do
  curl -sf "$url/actuator/health" >/dev/null || { echo "no service at $url: start ./deploy/local-stack.sh"; exit 2; }
done
curl -sf "$INBOX/mail?limit=1" >/dev/null || { echo "no inbox at $INBOX (PREMIUM_INBOX_PORT)"; exit 2; }
business=$(get "$BILLING/calendar" | json "d['businessDate'] or ''")
if [[ -n "$business" && "$business" > "2026-12-20" ]]; then
  echo "the business date is already $business: run this on a fresh stack (empty PREMIUM_DATA_DIR)"; exit 2
fi

echo "== accounts: APTC, coverage from 2027-01-01; \$500 premium less \$300 APTC each month"
post $S "$BILLING/accounts" "{\"accountId\":\"$UNPAID\",\"holderName\":\"Una Paid\",\"program\":\"APTC\",\"coverageStart\":\"2027-01-01\",\"language\":\"en\",\"email\":\"${UNPAID,,}@example.org\"}" >/dev/null
post $S "$BILLING/accounts" "{\"accountId\":\"$REINSTATED\",\"holderName\":\"Rosa Reyes\",\"program\":\"APTC\",\"coverageStart\":\"2027-01-01\",\"language\":\"es\",\"email\":\"${REINSTATED,,}@example.org\"}" >/dev/null
post $S "$BILLING/accounts" "{\"accountId\":\"$SMS\",\"holderName\":\"Sam Texter\",\"program\":\"APTC\",\"coverageStart\":\"2027-01-01\",\"language\":\"en\",\"phone\":\"$SMS_PHONE\",\"noticePreference\":\"SMS\"}" >/dev/null
echo "  $UNPAID (en, email), $REINSTATED (es, email), $SMS (en, SMS $SMS_PHONE)"
for account in "$UNPAID" "$REINSTATED"; do bill "$account" 2027-01; bill "$account" 2027-02; done
bill "$SMS" 2027-01
for account in "$UNPAID" "$REINSTATED"; do await_notice "$account" "BILL_READY:$account-2027-02"; done
await_notice "$SMS" "BILL_READY:$SMS-2027-01"

echo "== 2026-12-20: January (due 12-23) is still open; then the two email members pay it"
close_day 2026-12-20
for account in "$UNPAID" "$REINSTATED" "$SMS"; do await_notice "$account" "PAYMENT_DUE_SOON:$account-2027-01"; done
for account in "$UNPAID" "$REINSTATED"; do
  paid=$(pay "$account" 20000 2026-12-20)
  await_notice "$account" "PAYMENT_RECEIVED:$paid"
  await_coverage "$account" ACTIVE
done

echo "== 2027-01-16: February is due in seven days"
close_day 2027-01-16
for account in "$UNPAID" "$REINSTATED"; do await_notice "$account" "PAYMENT_DUE_SOON:$account-2027-02"; done

echo "== 2027-01-24: February missed, grace 2027-02-01..04-30; March billed"
close_day 2027-01-24
for account in "$UNPAID" "$REINSTATED"; do
  await_coverage "$account" GRACE
  await_notice "$account" "PAST_DUE_WARNING:$account:2027-02-01"
  bill "$account" 2027-03
  await_notice "$account" "BILL_READY:$account-2027-03"
done

echo "== 2027-02-16: March is due in seven days"
close_day 2027-02-16
for account in "$UNPAID" "$REINSTATED"; do await_notice "$account" "PAYMENT_DUE_SOON:$account-2027-03"; done

echo "== 2027-03-01: grace month 2, suspended; April billed"
close_day 2027-03-01
for account in "$UNPAID" "$REINSTATED"; do
  await_coverage "$account" SUSPENDED
  await_notice "$account" "SUSPENSION:$account:2027-02-01"
  bill "$account" 2027-04
  await_notice "$account" "BILL_READY:$account-2027-04"
done

echo "== 2027-03-15: $REINSTATED pays February and March (\$400) and is reinstated"
close_day 2027-03-15
paid=$(pay "$REINSTATED" 40000 2027-03-15)
await_notice "$REINSTATED" "PAYMENT_RECEIVED:$paid"
await_coverage "$REINSTATED" ACTIVE
await_notice "$REINSTATED" "REINSTATEMENT:$REINSTATED:2027-03-15"

echo "== 2027-03-20: April is due in seven days (reminded on 03-16); $REINSTATED pays it"
close_day 2027-03-20
for account in "$UNPAID" "$REINSTATED"; do await_notice "$account" "PAYMENT_DUE_SOON:$account-2027-04"; done
paid=$(pay "$REINSTATED" 20000 2027-03-20)
await_notice "$REINSTATED" "PAYMENT_RECEIVED:$paid"

echo "== termination warnings to $UNPAID: 30 days (03-31) and 10 days (04-20) before the grace end"
close_day 2027-03-31
await_notice "$UNPAID" "TERMINATION_WARNING:$UNPAID:2027-02-01:30d"
close_day 2027-04-20
await_notice "$UNPAID" "TERMINATION_WARNING:$UNPAID:2027-02-01:10d"

echo "== 2027-05-01: the grace ran out unpaid: $UNPAID is terminated, effective 2027-02-28"
close_day 2027-05-01
await_coverage "$UNPAID" TERMINATED
await_notice "$UNPAID" "TERMINATION:$UNPAID:2027-02-28"
expect "termination effective" "$(get "$COVERAGE/accounts/$UNPAID/coverage" | json "d['terminationEffectiveDate']")" "2027-02-28"
expect "$REINSTATED coverage" "$(get "$COVERAGE/accounts/$REINSTATED/coverage" | json "d['status']")" "ACTIVE"

show_notices() { # account
  echo "== notices of $1 (GET /accounts/$1/notices)"
  get "$NOTIFICATION/accounts/$1/notices?limit=500" | python3 -c "
import json,sys
for n in json.load(sys.stdin)['notices']:
    print('  %-20s %-5s %-4s %9s  pay by %-10s  %s' % (n['type'], n['channel'], n['status'], '\$%.2f' % (n['amountCents'] / 100), n['payByDate'] or '-', n['noticeId']))"
}
types() { get "$NOTIFICATION/accounts/$1/notices?limit=500" | json "' '.join(n['type'] for n in d['notices'])"; }
once_each() { # account address-or-phone kind: every notice id exactly once among what the inbox received
  local listing
  listing=$(curl -sS -G "$INBOX/$3" --data-urlencode "to=$2" --data-urlencode "limit=1000")
  get "$NOTIFICATION/accounts/$1/notices?limit=500" | python3 -c "
import json,sys
notices=sorted(n['noticeId'] for n in json.load(sys.stdin)['notices'])
received=json.loads(sys.argv[1])
key='noticeId' if sys.argv[2]=='mail' else 'idempotencyKey'
got=sorted(m[key] for m in received[sys.argv[2] if sys.argv[2]=='sms' else 'mails'])
print('yes' if got==notices else 'no: %d notices, %d received' % (len(notices), len(got)))" "$listing" "$3"
}

for account in "$UNPAID" "$REINSTATED" "$SMS"; do show_notices "$account"; done
expect "$UNPAID notice types" "$(types "$UNPAID")" "BILL_READY BILL_READY PAYMENT_DUE_SOON PAYMENT_RECEIVED PAYMENT_DUE_SOON PAST_DUE_WARNING BILL_READY PAYMENT_DUE_SOON SUSPENSION BILL_READY PAYMENT_DUE_SOON TERMINATION_WARNING TERMINATION_WARNING TERMINATION"
expect "$REINSTATED notice types" "$(types "$REINSTATED")" "BILL_READY BILL_READY PAYMENT_DUE_SOON PAYMENT_RECEIVED PAYMENT_DUE_SOON PAST_DUE_WARNING BILL_READY PAYMENT_DUE_SOON SUSPENSION BILL_READY PAYMENT_RECEIVED REINSTATEMENT PAYMENT_DUE_SOON PAYMENT_RECEIVED"
expect "$SMS notice types" "$(types "$SMS")" "BILL_READY PAYMENT_DUE_SOON"

echo "== the inbox: email received by ${UNPAID,,}@example.org (GET $INBOX/mail?to=...)"
curl -sS -G "$INBOX/mail" --data-urlencode "to=${UNPAID,,}@example.org" --data-urlencode "limit=1000" | python3 -c "
import json,sys
d=json.load(sys.stdin)
for m in d['mails']:
    print('  %s  %-70s %s' % (m['sentDate'], m['subject'], m['noticeId']))
last=d['mails'][-1]
print('  --- the last one, as received:')
print('  From: %s\n  To: %s\n  Subject: %s\n  Message-ID: %s\n' % (last['from'], last['to'], last['subject'], last['messageId']))
print('\n'.join('  | ' + line for line in last['text'].splitlines()))"
echo "== the inbox: email received by ${REINSTATED,,}@example.org"
curl -sS -G "$INBOX/mail" --data-urlencode "to=${REINSTATED,,}@example.org" --data-urlencode "limit=1000" | python3 -c "
import json,sys
for m in json.load(sys.stdin)['mails']:
    print('  %s  %-70s %s' % (m['sentDate'], m['subject'], m['noticeId']))"
echo "== the inbox: SMS received by $SMS_PHONE (GET $INBOX/sms?to=...)"
curl -sS -G "$INBOX/sms" --data-urlencode "to=$SMS_PHONE" | python3 -c "
import json,sys
for m in json.load(sys.stdin)['sms']:
    print('  %s  [%s] %s' % (m['receivedAt'], m['idempotencyKey'], m['body']))"

mail_text() { # address notice-id
  curl -sS -G "$INBOX/mail" --data-urlencode "to=$1" --data-urlencode "limit=1000" \
    | python3 -c "import json,sys; print(next(m['text'] for m in json.load(sys.stdin)['mails'] if m['noticeId']==sys.argv[1]))" "$2"
}
contains() { # label text needle
  if [[ "$2" == *"$3"* ]]; then echo "  ok   $1 says \"$3\""; else echo "  FAIL $1 does not say \"$3\""; failures=$((failures + 1)); fi
}
echo "== checks"
expect "each notice of $UNPAID emailed exactly once" "$(once_each "$UNPAID" "${UNPAID,,}@example.org" mail)" "yes"
expect "each notice of $REINSTATED emailed exactly once" "$(once_each "$REINSTATED" "${REINSTATED,,}@example.org" mail)" "yes"
expect "each notice of $SMS texted exactly once" "$(once_each "$SMS" "$SMS_PHONE" sms)" "yes"
past_due=$(mail_text "${UNPAID,,}@example.org" "PAST_DUE_WARNING:$UNPAID:2027-02-01")
contains "past-due warning" "$past_due" "Amount to pay: \$200.00"
contains "past-due warning" "$past_due" "Pay by: April 30, 2027"
contains "suspension" "$(mail_text "${UNPAID,,}@example.org" "SUSPENSION:$UNPAID:2027-02-01")" "Amount to pay: \$400.00"
contains "30-day warning" "$(mail_text "${UNPAID,,}@example.org" "TERMINATION_WARNING:$UNPAID:2027-02-01:30d")" "ends on April 30, 2027, in 30 days"
contains "termination" "$(mail_text "${UNPAID,,}@example.org" "TERMINATION:$UNPAID:2027-02-28")" "Your coverage ended on February 28, 2027"
contains "termination" "$(mail_text "${UNPAID,,}@example.org" "TERMINATION:$UNPAID:2027-02-28")" "\$600.00"
contains "reinstatement (es)" "$(mail_text "${REINSTATED,,}@example.org" "REINSTATEMENT:$REINSTATED:2027-03-15")" "activa de nuevo desde el 15 de marzo de 2027"

echo
if (( failures > 0 )); then echo "$failures check(s) FAILED"; exit 1; fi
echo "every notice checked out"
