#!/usr/bin/env bash
# bench/webhooks: deliveries per second to a local receiver that answers at once, and the delay from
# a generation's end to its webhook's arrival (median, p99). See WebhooksBench.
# Usage: bench/webhooks/run.sh [events=3000] [jobs=300] [client threads=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/classpath.sh
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx1g -cp "$BENCH_CP" dev.atelier.bench.WebhooksBench "$@"
