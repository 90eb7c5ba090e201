#!/usr/bin/env bash
# Builds the services (tests skipped) and runs the whole system on embedded infrastructure until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
export PREMIUM_PROJECT_DIR="$PWD"
exec java -cp "deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*" com.premiumledger.deploy.LocalStack "$@"
