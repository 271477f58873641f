#!/usr/bin/env bash
# Where the application's own start goes, step by step: dev.atelier.bench.StartupSteps starts Atelier
# as its main method does, with Spring's BufferingApplicationStartup, and prints the steps with the
# most time of their own (bean creations, configuration class parsing, …). It runs the run jar on
# the runtime class path with spring-boot:run's JVM flags: once to train an AOT cache (an empty data
# directory), then the measured start with that cache on the same data — a "second start" without
# Maven in front of it.
# Usage: bench/startup-steps.sh [steps=40]     (PORT=18082 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -ntp -o test-compile dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath \
    -DincludeScope=runtime >/dev/null
WORK=$(mktemp -d /tmp/atelier-steps-XXXX)
trap 'rm -rf "$WORK"' EXIT
# a JVM cannot put classes from a directory into its AOT cache: the probe goes into a jar of its own
(cd target/test-classes && "$JAVA_HOME/bin/jar" cf "$WORK/probe.jar" dev/atelier/bench/StartupSteps.class)
CP="$WORK/probe.jar:target/run/atelier-0.1.0-SNAPSHOT-run.jar:$(cat target/runtime.classpath)"
FLAGS="--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED --enable-native-access=ALL-UNNAMED"
FLAGS="$FLAGS -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=128m -Xlog:aot=off -Xlog:cds=off" # as spring-boot:run
run() { ATELIER_DATA_DIR="$WORK/data" SERVER_PORT=${PORT:-18082} "$JAVA_HOME/bin/java" $FLAGS "$@" \
    -Dsteps="${STEPS:-40}" -cp "$CP" dev.atelier.bench.StartupSteps; }
echo "training run (AOT cache, first start on an empty data directory; $(uptime | sed 's/.*load/load/'))"
run -XX:AOTCacheOutput="$WORK/steps.aot" > "$WORK/train.log" 2>&1 || { tail -40 "$WORK/train.log"; exit 1; }
grep "started in" "$WORK/train.log"
echo "measured start (with the cache, same data):"
STEPS=${1:-40} run -XX:AOTCache="$WORK/steps.aot" 2>&1 | sed -n '/^started in/,$p' | grep -v " INFO \| WARN "
echo "after: $(uptime | sed 's/.*load/load/')"
