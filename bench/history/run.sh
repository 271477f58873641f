#!/usr/bin/env bash
# bench/history: first, middle and last page of one user's 1,000,000-generation history by cursor.
# Usage: bench/history/run.sh [rows, default 1000000] [repeats per page, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/classpath.sh
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -cp "$BENCH_CP" dev.atelier.bench.HistoryBench "$@"
