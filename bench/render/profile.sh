#!/usr/bin/env bash
# bench/render/profile.sh [rounds] [print]: the bench export timeline through our graph and through the
# hand-written command, straight to ffmpeg (no server), alternating; CPU (user+sys) and wall seconds
# from ffmpeg's own -benchmark. CPU ratios hold on a busy machine; wall ratios need a quiet one.
# bench/render/profile.sh [windows] preview[,par][,print]: the 10-minute preview's first windows from the sources.
# bench/render/profile.sh [windows] compare: those windows through proxies, the settings before and after
# 2026-11-30 alternating window by window (docs/render.md, "Where the time goes").
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "load before: $(uptime)"
source bench/classpath.sh
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx256m -cp "$BENCH_CP" dev.atelier.bench.RenderProfile "$@"
echo "load after:  $(uptime)"
