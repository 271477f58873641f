#!/usr/bin/env bash
# bench/render/profile.sh [rounds] [print]: the bench export timeline through our graph and through the
# hand-written command, straight to ffmpeg (no server), alternating; CPU (user+sys) and wall seconds
# from ffmpeg's own -benchmark. CPU ratios hold on a busy machine; wall ratios need a quiet one.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "load before: $(uptime)"
source bench/classpath.sh
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx256m -cp "$BENCH_CP" dev.atelier.bench.RenderProfile "$@"
echo "load after:  $(uptime)"
