#!/usr/bin/env python3
"""Helper of rebuild-under-load.sh (standard library only): loads accounts through the HTTP APIs, keeps a steady
command load and balance queries going, waits for consumer lag, dumps balance views and compares them.

Subcommands (each prints what it did; exit 1 when a check fails):
  load     open --accounts accounts with one or two bills each, then pay most of them (--concurrency in flight)
  during   until --stop-file exists: commands at --rate per second (new accounts, next months' bills, payments)
           and balance queries at --probe-rate per second; every request is logged with its time and status
  lag      wait until every consumer group of a service (--url) whose name starts with --group-prefix has
           lag 0 on two scrapes of /actuator/prometheus in a row
  dump     GET /accounts/{id}/balance and /bills (and with --history /history) of every account in --accounts-file
  compare  the rebuilt copy against the fresh start, the stored histories and what the script itself sent

The script's own ledger (ledger-*.jsonl) holds every bill and payment a service accepted, so it knows what each
account was billed and paid independently of any projection.
"""
import argparse
import base64
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

SERVICE = "service:service-local-only"
OPERATOR = "operator:operator-local-only"
AUDITOR = "auditor:auditor-local-only"
TIMEOUT_SECONDS = 60
GROSS_CENTS = 50000
SUBSIDY_CENTS = 30000
DUE_CENTS = GROSS_CENTS - SUBSIDY_CENTS


class Http:
    """One keep-alive connection per thread and host."""

    def __init__(self):
        self.local = threading.local()

    def _connection(self, netloc, fresh=False):
        pool = getattr(self.local, "pool", None)
        if pool is None:
            pool = self.local.pool = {}
        if fresh or netloc not in pool:
            if netloc in pool:
                pool[netloc].close()
            pool[netloc] = http.client.HTTPConnection(netloc, timeout=TIMEOUT_SECONDS)
        return pool[netloc]

    def call(self, method, url, user, body=None, headers=None):
        """(status, parsed JSON or text); a connection error is retried once on a new connection, then raised."""
        parts = urllib.parse.urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        all_headers = {"Authorization": "Basic " + base64.b64encode(user.encode()).decode(),
                       "Accept": "application/json"}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        data = None if body is None else json.dumps(body)
        for attempt in (0, 1):
            connection = self._connection(parts.netloc, fresh=attempt > 0)
            try:
                connection.request(method, path, body=data, headers=all_headers)
                response = connection.getresponse()
                raw = response.read().decode()
                break
            except (http.client.HTTPException, OSError):
                if attempt:
                    raise
        try:
            return response.status, json.loads(raw) if raw else None
        except ValueError:
            return response.status, raw


HTTP = Http()


class Log:
    """Appends lines to a file from many threads."""

    def __init__(self, path):
        self.file = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, line):
        with self.lock:
            self.file.write(line + "\n")

    def close(self):
        self.file.close()


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}

    def add(self, key, n=1):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n

    def get(self, key):
        with self.lock:
            return self.counts.get(key, 0)

    def snapshot(self):
        with self.lock:
            return dict(self.counts)


class Commands:
    """The commands of the scenario; each logs (time, kind, status) and records what was accepted in the ledger."""

    def __init__(self, args, requests_log, ledger, counter):
        self.billing = args.billing
        self.payment = args.payment
        self.tag = args.tag
        self.requests = requests_log
        self.ledger = ledger
        self.counter = counter

    def _log(self, kind, status, started):
        self.requests.write(f"{time.time():.3f},{kind},{status},{time.time() - started:.3f}")
        self.counter.add(f"{kind} {status}")

    def open_account(self, account, number):
        started = time.time()
        body = {"accountId": account, "holderName": f"Load {self.tag.title()} {number}", "program": "APTC",
                "coverageStart": "2027-01-01", "language": "es" if number % 7 == 0 else "en",
                "email": f"{account.lower()}@example.org"}
        status, answer = HTTP.call("POST", self.billing + "/accounts", SERVICE, body)
        if status == 409 and isinstance(answer, dict) and "exists" in str(answer.get("type", "")) + str(
                answer.get("detail", "")):
            status = 200  # a retry of our own open: the account is there
        self._log("open", status, started)
        return status in (200, 201)

    def bill(self, account, month):
        started = time.time()
        body = {"coverageMonth": month, "grossPremiumCents": GROSS_CENTS, "subsidyCents": SUBSIDY_CENTS}
        key = f"bill-{account}-{month}"
        status, answer = HTTP.call("POST", f"{self.billing}/accounts/{account}/bills", SERVICE, body,
                                   {"Idempotency-Key": key})
        self._log("bill", status, started)
        if status == 201:
            self.ledger.write(json.dumps({"account": account, "billed": answer["amountDueCents"],
                                          "bill": answer["billId"]}))
        return status in (200, 201)

    def pay(self, account, cents, method, key, retry_unknown_seconds=20):
        """Pays; an account payment-service has not heard of yet (404) is asked again until it has."""
        body = {"accountId": account, "amountCents": cents, "method": method}
        if method == "ACH":
            body.update(channel="ONLINE", bankAccountLastFour="6789")
        elif method == "CARD":
            body.update(channel="ONLINE", card={"brand": "VISA", "lastFour": "4242"})
        elif method == "CHECK":
            body.update(channel="MAIL", checkNumber=key.removeprefix("pay-"))  # a check number is used once
        else:
            body.update(channel="PHONE", bankAccountLastFour="4321", method="ACH")
        deadline = time.time() + retry_unknown_seconds
        while True:
            started = time.time()
            status, answer = HTTP.call("POST", self.payment + "/payments", SERVICE, body, {"Idempotency-Key": key})
            if status == 404 and time.time() < deadline:
                self._log("pay-unknown-account-retried", status, started)
                time.sleep(1)
                continue
            break
        self._log("pay", status, started)
        if status in (200, 201):
            if answer.get("status") == "RECORDED":
                self.ledger.write(json.dumps({"account": account, "paid": cents, "payment": answer["paymentId"]}))
            else:
                self.counter.add("pay went UNAPPLIED")
        return status in (200, 201)


def months(first, count):
    year, month = map(int, first.split("-"))
    result = []
    for _ in range(count):
        result.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return result


def account_id(tag, prefix, number):
    return f"{tag}-{prefix}{number:05d}"


def payment_plan(number, billed_cents):
    """Most accounts pay what they owe, some part of it, some more (credit); one in ten pays nothing."""
    kind = number % 10
    if kind == 0:
        return None
    if kind == 1:
        return billed_cents // 2
    if kind == 2:
        return billed_cents + 5000
    return billed_cents


METHODS = ["ACH", "CARD", "CHECK", "PHONE"]


def cmd_load(args):
    os.makedirs(args.out, exist_ok=True)
    requests_log = Log(os.path.join(args.out, "requests-load.csv"))
    ledger = Log(os.path.join(args.out, "ledger-load.jsonl"))
    counter = Counter()
    commands = Commands(args, requests_log, ledger, counter)
    accounts = [account_id(args.tag, "A", n) for n in range(1, args.accounts + 1)]
    billed = {}
    failed = []

    def open_and_bill(number):
        account = accounts[number - 1]
        ok = commands.open_account(account, number)
        month_count = 2 if number % 3 == 0 else 1
        for month in months("2027-01", month_count):
            ok = commands.bill(account, month) and ok
        billed[account] = month_count * DUE_CENTS
        if not ok:
            failed.append(account)

    def pay(number):
        account = accounts[number - 1]
        cents = payment_plan(number, billed[account])
        if cents is None:
            return
        method = METHODS[number % len(METHODS)]
        if not commands.pay(account, cents, method, f"pay-{account}-first"):
            failed.append(account)

    started = time.time()
    run_parallel(open_and_bill, range(1, args.accounts + 1), args.concurrency, "opened and billed", started)
    with open(os.path.join(args.out, "accounts.txt"), "w") as out:
        out.write("\n".join(accounts) + "\n")
    # payment-service learns accounts from the billing topic; a mailed check for an account it has not heard of
    # yet would wait in the unapplied queue, so the payments start once it has read everything.
    if not wait_for_lag(args.payment, "payment-service."):
        return 1
    opened = time.time()
    run_parallel(pay, range(1, args.accounts + 1), args.concurrency, "paid", opened)
    elapsed = time.time() - started
    counts = counter.snapshot()
    sent = sum(v for k, v in counts.items() if k.split()[0] in ("open", "bill", "pay"))
    print(f"  {args.accounts} accounts: {sent} commands in {elapsed:.0f}s ({sent / elapsed:.1f}/s)")
    for key in sorted(counts):
        print(f"    {key}: {counts[key]}")
    requests_log.close()
    ledger.close()
    if failed:
        print(f"  FAIL {len(failed)} accounts had a refused command, e.g. {failed[:5]}")
        return 1
    return 0


def run_parallel(task, items, concurrency, what, started):
    items = list(items)
    done = [0]
    lock = threading.Lock()

    def wrapped(item):
        task(item)
        with lock:
            done[0] += 1
            if done[0] % 500 == 0 or done[0] == len(items):
                print(f"    {done[0]}/{len(items)} {what} ({time.time() - started:.0f}s)", flush=True)

    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(wrapped, item) for item in items]:
            future.result()


def cmd_during(args):
    """Steady commands and balance queries until the stop file appears."""
    requests_log = Log(os.path.join(args.out, "requests-during.csv"))
    probes_log = Log(os.path.join(args.out, "probes-during.csv"))
    ledger = Log(os.path.join(args.out, "ledger-during.jsonl"))
    counter = Counter()
    commands = Commands(args, requests_log, ledger, counter)
    with open(args.accounts_file) as f:
        existing = [line.strip() for line in f if line.strip()]
    created_lock = threading.Lock()
    created = []  # (account, opened at)
    next_month = {}
    months_lock = threading.Lock()
    highest_sequence = {}
    sequence_lock = threading.Lock()
    stop = threading.Event()
    serial = [0]

    def stopped():
        if os.path.exists(args.stop_file):
            stop.set()
        return stop.is_set()

    def new_serial():
        with created_lock:
            serial[0] += 1
            return serial[0]

    def one_command(rng):
        choice = rng.random()
        if choice < 0.2:
            number = new_serial()
            account = account_id(args.tag, "N", number)
            if commands.open_account(account, number) and commands.bill(account, "2027-01"):
                with created_lock:
                    created.append((account, time.time()))
                    with open(args.created_file, "a") as out:
                        out.write(account + "\n")
            return
        if choice < 0.6:
            account = rng.choice(existing)
            with months_lock:
                month = next_month.get(account, "2027-03")
                next_month[account] = months(month, 2)[1]
            commands.bill(account, month)
            return
        with created_lock:
            ready = [a for a, at in created if time.time() - at > 3]
        new_account = bool(ready) and rng.random() < 0.3
        account = rng.choice(ready) if new_account else rng.choice(existing)
        number = new_serial()
        # A new account is paid online (404 until payment-service has heard of it, then asked again), never by
        # mailed check, which payment-service would park as unapplied instead.
        commands.pay(account, rng.choice([5000, 10000, 20000, 25000]), "ACH" if new_account else rng.choice(METHODS),
                     f"pay-{account}-d{number}")

    def command_worker(index):
        rng = random.Random(index)
        interval = args.workers / args.rate
        next_at = time.time() + rng.random() * interval
        while not stopped():
            time.sleep(max(0.0, next_at - time.time()))
            next_at += interval
            try:
                one_command(rng)
            except Exception as e:  # noqa: BLE001 - counted, the load goes on
                counter.add(f"error {type(e).__name__}")
                requests_log.write(f"{time.time():.3f},error,{type(e).__name__},0")

    def probe_worker(index):
        rng = random.Random(1000 + index)
        interval = args.probe_workers / args.probe_rate
        next_at = time.time()
        while not stopped():
            time.sleep(max(0.0, next_at - time.time()))
            next_at += interval
            account = rng.choice(existing)
            what = "balance" if rng.random() < 0.7 else "bills"
            started = time.time()
            try:
                status, answer = HTTP.call("GET", f"{args.billing}/accounts/{account}/{what}", AUDITOR)
            except Exception as e:  # noqa: BLE001
                status, answer = type(e).__name__, None
            regressed = ""
            if what == "balance" and status == 200:
                with sequence_lock:
                    seen = highest_sequence.get(account, -1)
                    if answer["asOfSequence"] < seen:
                        regressed = f"went back from {seen} to {answer['asOfSequence']}"
                    highest_sequence[account] = max(seen, answer["asOfSequence"])
            probes_log.write(f"{started:.3f},{what},{status},{time.time() - started:.3f},{regressed}")
            counter.add(f"query {what} {status}")
            if regressed:
                counter.add("query went back")

    threads = [threading.Thread(target=command_worker, args=(i,), daemon=True) for i in range(args.workers)]
    threads += [threading.Thread(target=probe_worker, args=(i,), daemon=True) for i in range(args.probe_workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = counter.snapshot()
    for key in sorted(counts):
        print(f"    {key}: {counts[key]}")
    requests_log.close()
    probes_log.close()
    ledger.close()
    return 0


def prometheus_lag(url, prefix, exclude):
    status, text = HTTP.call("GET", url + "/actuator/prometheus", AUDITOR, headers={"Accept": "text/plain"})
    if status != 200:
        raise RuntimeError(f"GET {url}/actuator/prometheus answered {status}")
    groups = {}
    for line in text.splitlines():
        if not line.startswith("ledger_consumer_lag{"):
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', line[line.index("{"):line.index("}")]))
        group = labels.get("consumer_group", "")
        if not group.startswith(prefix) or group[len(prefix):] in exclude:
            continue
        groups[group] = groups.get(group, 0) + float(line.rsplit(" ", 1)[1])
    return groups


def wait_for_lag(url, prefix, exclude=(), min_groups=1, timeout=600, interval=3, require=None):
    """True once every matching group had lag 0 on two scrapes in a row (the gauge is refreshed every 5s);
    require: a group whose name ends with it must be among them."""
    deadline = time.time() + timeout
    zero_in_a_row = 0
    last = None
    started = time.time()
    while time.time() < deadline:
        try:
            groups = prometheus_lag(url, prefix, set(exclude))
        except (RuntimeError, OSError, http.client.HTTPException) as e:
            groups = None
            last = str(e)
        if groups and len(groups) >= min_groups and (require is None or any(g.endswith(require) for g in groups)):
            total = sum(groups.values())
            last = ", ".join(f"{g} {int(v)}" for g, v in sorted(groups.items()))
            zero_in_a_row = zero_in_a_row + 1 if total == 0 else 0
            if zero_in_a_row >= 2:
                print(f"  caught up after {time.time() - started:.0f}s: {len(groups)} consumer groups of {url}"
                      f" with lag 0 ({', '.join(sorted(groups))})", flush=True)
                return True
        time.sleep(interval)
    print(f"  FAIL consumers of {url} did not catch up within {timeout}s: {last}", flush=True)
    return False


def cmd_lag(args):
    ok = wait_for_lag(args.url, args.group_prefix, [g for g in args.exclude.split(",") if g], args.min_groups,
                      args.timeout, args.interval, args.require)
    return 0 if ok else 1


def cmd_dump(args):
    with open(args.accounts_file) as f:
        accounts = [line.strip() for line in f if line.strip()]
    results = {}
    failures = Counter()

    def fetch(account):
        row = {"account": account}
        paths = ["balance", "bills"] + (["history"] if args.history else [])
        for what in paths:
            status, answer = HTTP.call("GET", f"{args.url}/accounts/{account}/{what}", AUDITOR)
            if status != 200:
                failures.add(f"{what} {status}")
                row[what] = {"status": status, "answer": answer}
            elif what == "history":
                row[what] = answer["account"]
            else:
                row[what] = answer
        results[account] = row

    started = time.time()
    run_parallel(fetch, accounts, args.concurrency, "read", started)
    with open(args.out, "w") as out:
        for account in accounts:
            out.write(json.dumps(results[account], sort_keys=True) + "\n")
    counts = failures.snapshot()
    print(f"  dumped {len(accounts)} accounts from {args.url} to {args.out} in {time.time() - started:.0f}s"
          + (f"; non-200: {counts}" if counts else ""))
    return 1 if counts else 0


def read_jsonl(path):
    with open(path) as f:
        return {row["account"]: row for row in map(json.loads, filter(str.strip, f))}


HISTORY_FIELDS = {"billedCents": "billedCents", "paidCents": "paidCents",
                  "paymentsReceivedCents": "paymentsReceivedCents", "reversedCents": "reversedCents",
                  "refundedCents": "refundedCents", "creditCents": "creditCents", "balanceCents": "balanceCents",
                  "openCents": "openCents", "asOfSequence": "lastSequence"}
BILL_FIELDS = ["billId", "coverageMonth", "dueDate", "grossPremiumCents", "subsidyCents", "amountDueCents",
               "paidCents", "openCents", "missed", "issuedEventId"]


def history_differences(row):
    balance, bills, history = row["balance"], row["bills"], row["history"]
    diffs = [f"{b} {balance.get(b)} vs history {history.get(h)}" for b, h in HISTORY_FIELDS.items()
             if balance.get(b) != history.get(h)]
    projected = sorted(([bill.get(f) for f in BILL_FIELDS] for bill in bills.get("bills", [])), key=str)
    derived = sorted(([bill.get(f) for f in BILL_FIELDS] for bill in history.get("bills", [])), key=str)
    if projected != derived:
        diffs.append(f"bills {projected} vs history {derived}")
    return diffs


def in_window(path, start, end):
    """Rows of a requests/probes CSV whose time falls in [start, end], by kind and status."""
    counts = {}
    if not os.path.exists(path):
        return counts
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split(",")
            if start <= float(fields[0]) <= end:
                key = (fields[1], fields[2])
                counts[key] = counts.get(key, 0) + 1
    return counts


def cmd_compare(args):
    live = read_jsonl(args.live)
    fresh = read_jsonl(args.fresh) if args.fresh else None
    expected = {}
    for path in args.ledger:
        with open(path) as f:
            for entry in map(json.loads, filter(str.strip, f)):
                totals = expected.setdefault(entry["account"], {"billed": 0, "paid": 0})
                totals["billed"] += entry.get("billed", 0)
                totals["paid"] += entry.get("paid", 0)
    failures = 0
    vs_fresh, vs_history, vs_sent, unreadable = [], [], [], []
    for account, row in live.items():
        if any(isinstance(row.get(k), dict) and "status" in row[k] and "answer" in row[k]
               for k in ("balance", "bills", "history")):
            unreadable.append(account)
            continue
        if fresh is not None:
            other = fresh.get(account)
            if other is None or other.get("balance") != row["balance"] or other.get("bills") != row["bills"]:
                vs_fresh.append((account, row, other))
        diffs = history_differences(row)
        if diffs:
            vs_history.append((account, diffs))
        want = expected.get(account, {"billed": 0, "paid": 0})
        if (row["balance"]["billedCents"], row["balance"]["paymentsReceivedCents"]) != (want["billed"], want["paid"]):
            vs_sent.append((account, row["balance"]["billedCents"], row["balance"]["paymentsReceivedCents"], want))
    billed = sum(r["balance"]["billedCents"] for a, r in live.items() if a not in unreadable)
    received = sum(r["balance"]["paymentsReceivedCents"] for a, r in live.items() if a not in unreadable)
    balance = sum(r["balance"]["balanceCents"] for a, r in live.items() if a not in unreadable)
    print(f"  accounts compared: {len(live)} (billed ${billed / 100:,.2f}, received ${received / 100:,.2f},"
          f" balance ${balance / 100:,.2f})")
    if unreadable:
        failures += 1
        print(f"  FAIL {len(unreadable)} accounts could not be read from the live service, e.g. {unreadable[:3]}")
    if fresh is not None:
        extra = sorted(set(fresh) - set(live))
        print(f"  rebuilt copy vs fresh start (balance and bills, every field): {len(vs_fresh)} mismatches")
        for account, row, other in vs_fresh[:5]:
            print(f"    {account}: live {json.dumps(row.get('balance'))}\n      fresh {json.dumps((other or {}).get('balance'))}")
        failures += bool(vs_fresh) + bool(extra)
        if extra:
            print(f"  FAIL the fresh start has accounts the live copy lacks: {extra[:5]}")
    print(f"  rebuilt copy vs /history (re-derived from each account's stored events): {len(vs_history)} mismatches")
    for account, diffs in vs_history[:5]:
        print(f"    {account}: {'; '.join(diffs)}")
    print(f"  rebuilt copy vs what this script had accepted (billed, payments received): {len(vs_sent)} mismatches")
    for account, got_billed, got_paid, want in vs_sent[:5]:
        print(f"    {account}: billed {got_billed} paid {got_paid}, sent {want}")
    failures += bool(vs_history) + bool(vs_sent)
    return 1 if failures else 0


def cmd_window(args):
    """Commands and queries logged between the rebuild's start and end (epoch seconds)."""
    commands = in_window(os.path.join(args.dir, "requests-during.csv"), args.start, args.end)
    probes = in_window(os.path.join(args.dir, "probes-during.csv"), args.start, args.end)
    sent = sum(v for (kind, _), v in commands.items() if kind in ("open", "bill", "pay"))
    accepted = sum(v for (kind, status), v in commands.items()
                   if kind in ("open", "bill", "pay") and status in ("200", "201"))
    refused = {f"{k} {s}": v for (k, s), v in commands.items()
               if k in ("open", "bill", "pay") and s not in ("200", "201")}
    queries = sum(probes.values())
    bad = {f"{k} {s}": v for (k, s), v in probes.items() if s != "200"}
    print(f"  during the rebuild ({args.end - args.start:.1f}s): commands sent {sent}, accepted {accepted}"
          + (f", refused {refused}" if refused else "") + f"; balance/bills queries {queries},"
          f" non-200 {sum(bad.values())}" + (f" {bad}" if bad else ""))
    regressions = 0
    path = os.path.join(args.dir, "probes-during.csv")
    if os.path.exists(path):
        with open(path) as f:
            regressions = sum(1 for line in f if line.rstrip("\n").split(",")[-1])
    print(f"  balance reads that went back to an older sequence (whole load window): {regressions}")
    return 1 if refused or bad or regressions or sent == 0 or queries == 0 else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load")
    during = sub.add_parser("during")
    for p in (load, during):
        p.add_argument("--billing", required=True)
        p.add_argument("--payment", required=True)
        p.add_argument("--tag", required=True)
        p.add_argument("--out", required=True)
    load.add_argument("--accounts", type=int, default=3000)
    load.add_argument("--concurrency", type=int, default=8)
    during.add_argument("--accounts-file", required=True)
    during.add_argument("--created-file", required=True)
    during.add_argument("--stop-file", required=True)
    during.add_argument("--rate", type=float, default=10)
    during.add_argument("--workers", type=int, default=4)
    during.add_argument("--probe-rate", type=float, default=5)
    during.add_argument("--probe-workers", type=int, default=2)
    lag = sub.add_parser("lag")
    lag.add_argument("--url", required=True)
    lag.add_argument("--group-prefix", required=True)
    lag.add_argument("--exclude", default="")
    lag.add_argument("--min-groups", type=int, default=1)
    lag.add_argument("--require", help="a group whose name ends with this must be reported")
    lag.add_argument("--timeout", type=float, default=600)
    lag.add_argument("--interval", type=float, default=3)
    dump = sub.add_parser("dump")
    dump.add_argument("--url", required=True)
    dump.add_argument("--accounts-file", required=True)
    dump.add_argument("--out", required=True)
    dump.add_argument("--history", action="store_true")
    dump.add_argument("--concurrency", type=int, default=8)
    compare = sub.add_parser("compare")
    compare.add_argument("--live", required=True)
    compare.add_argument("--fresh")
    compare.add_argument("--ledger", nargs="+", required=True)
    window = sub.add_parser("window")
    window.add_argument("--dir", required=True)
    window.add_argument("--start", type=float, required=True)
    window.add_argument("--end", type=float, required=True)
    args = parser.parse_args()
    return {"load": cmd_load, "during": cmd_during, "lag": cmd_lag, "dump": cmd_dump, "compare": cmd_compare,
            "window": cmd_window}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
