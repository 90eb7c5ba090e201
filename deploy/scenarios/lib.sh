# Helpers the scenario scripts share; sourced, not run. Callers set A (the auditor's user:password) and
# failures=0 before using get and expect.
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }
post() { # user url body [idempotency-key]
  local key=${4:-}
  curl -sS -u "$1" -H 'Content-Type: application/json' ${key:+-H "Idempotency-Key: $key"} -X POST "$2" -d "$3"
}
get() { curl -sS -u "$A" "$1"; }
expect() { # label actual expected
  if [[ "$2" == "$3" ]]; then echo "  ok   $1 = $2"; else echo "  FAIL $1 = $2, expected $3"; failures=$((failures + 1)); fi
}
