#!/usr/bin/env bash
# bench/jobs: jobs/s through a provider that answers at once, idle submit-to-running latency, heap
# before and after, and the local models' speed as a multiple of real time. See JobsBench.
# Usage: [BENCH_JVM="-XX:StartFlightRecording=..."] bench/jobs/run.sh [jobs=5000] [client threads=8] [idle jobs=200] [local repeats=3]
# (0 idle jobs or 0 local repeats skips that part; BENCH_JVM=-Dbench.submits-only=true: submits alone, API-only node;
#  BENCH_JVM=-Dbench.warm-up=200: that many jobs first, 5,000 unless set — a node's steady rate needs the JIT done)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/classpath.sh
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx1g ${BENCH_JVM:-} -cp "$BENCH_CP" dev.atelier.bench.JobsBench "$@"
