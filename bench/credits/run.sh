#!/usr/bin/env bash
# Hold + capture pairs per second: Atelier's money path vs the same SQL through plain JDBC.
# Usage: bench/credits/run.sh [threads=32] [warm-up seconds=3] [measured seconds=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
JAVA_HOME=$JAVA_HOME ./mvnw -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/bench-credits.classpath -Dmdep.includeScope=runtime
classpath="target/classes:$(cat target/bench-credits.classpath)"
mkdir -p bench/out/credits
"$JAVA_HOME/bin/javac" -nowarn -d bench/out/credits -cp "$classpath" bench/credits/CreditsBench.java
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "bench/out/credits:$classpath" dev.atelier.credits.internal.CreditsBench "$@"
