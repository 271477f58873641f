#!/usr/bin/env bash
# bench/render: a 10-clip 720p timeline with 9 crossfades, text and music — our export against one
# hand-written ffmpeg command making the same video; a 10-minute timeline's preview — time to the
# first playable segment, to the whole, and again after changing one clip; the server's peak heap.
# Usage: bench/render/run.sh   (prints the machine's load before and after: figures depend on it)
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "load before: $(uptime)"
source bench/classpath.sh
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx1g -cp "$BENCH_CP" ${BENCH_JVM:-} dev.atelier.bench.RenderBench "$@"
echo "load after:  $(uptime)"
