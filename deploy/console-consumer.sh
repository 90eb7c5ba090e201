#!/usr/bin/env bash
# Kafka's own console consumer (org.apache.kafka.tools.consumer.ConsoleConsumer from kafka-tools), printing
# keys and headers. Usage: deploy/console-consumer.sh premium.billing.v1 [more ConsoleConsumer options]
set -euo pipefail
cd "$(dirname "$0")/.."
topic="${1:?usage: deploy/console-consumer.sh TOPIC [options]}"; shift
exec java -cp "deploy/target/lib/*" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "127.0.0.1:${PREMIUM_KAFKA_PORT:-9092}" --topic "$topic" --from-beginning \
  --property print.key=true --property print.headers=true --timeout-ms 5000 "$@"
