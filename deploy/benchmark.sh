#!/usr/bin/env bash
# Builds the services (tests skipped) and runs the benchmark of issue 6 on its own embedded broker, store and
# service processes (free ports: a running local stack is not disturbed). Options: --help-like list below.
#   deploy/benchmark.sh [--smoke] [--accounts=200] [--months=6] [--concurrency=16] [--scale=10]
#                       [--lag-rate=500] [--lag-seconds=20] [--output=deploy/target/benchmark] ...
# Results: deploy/target/benchmark/results.json and results.md (or --output).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${PREMIUM_BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -q -B -DskipTests package
fi
export PREMIUM_PROJECT_DIR="$PWD"
exec java -Xmx2g -cp "deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*" \
  com.premiumledger.deploy.bench.Benchmark "$@"
