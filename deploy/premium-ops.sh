#!/usr/bin/env bash
# The operators' command line (com.premiumledger.deploy.cli.OperatorCli, picocli) over the services' HTTP
# endpoints: history, republish, dead-letters, close-day. Defaults reach the local stack as its operator.
# Usage: deploy/premium-ops.sh --help | deploy/premium-ops.sh history A-1001 --as-of=2027-01-05
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/deploy/target/deploy-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -d "$root/deploy/target/lib" ]]; then
  echo "premium-ops: $jar or deploy/target/lib is missing; build first: ./mvnw -q -B -DskipTests package" >&2
  exit 2
fi
exec java -cp "$jar:$root/deploy/target/lib/*" com.premiumledger.deploy.cli.OperatorCli "$@"
