#!/usr/bin/env bash
# Builds the services (tests skipped) and runs the benchmark (targets of issue 13) on its own embedded broker,
# store and service processes (free ports: a running local stack is not disturbed). Options: --help-like list below.
#   deploy/benchmark.sh [--smoke] [--accounts=200] [--months=6] [--concurrency=16] [--scale=10]
#                       [--lag-steps=25,50,100,200,400] [--lag-step-seconds=15] [--output=deploy/target/benchmark] ...
# Results: deploy/target/benchmark/results.json and results.md (or --output).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${PREMIUM_BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -q -B -DskipTests package
fi
export PREMIUM_PROJECT_DIR="$PWD"
exec java -Xmx2g -cp "deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*" \
  com.premiumledger.deploy.bench.Benchmark "$@"
