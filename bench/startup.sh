#!/usr/bin/env bash
# Time from launch to readiness UP for a first start (empty data directory), a second start
# (same data) and a start after `kill -9` (postgres left running, stale lock file), twice:
#   1. the fat jar as built (`java -jar atelier.jar`): classes load from nested jars;
#   2. the same jar extracted (`java -Djarmode=tools -jar atelier.jar extract`) with an AppCDS
#      archive the JVM writes on the first start and maps on the next ones, as Spring Boot
#      recommends for production.
# Usage: bench/startup.sh            (builds the jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=target/atelier-0.1.0-SNAPSHOT.jar
PORT=${PORT:-18080}
[ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -B -ntp package -DskipTests

WORK=$(mktemp -d /tmp/atelier-startup-XXXX)
trap 'kill -9 ${PID:-0} 2>/dev/null || true; pkill -INT -f "$WORK/" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

start() { # label, data dir, java arguments...
  local label=$1 data=$2; shift 2
  local began=$(date +%s%N)
  ATELIER_DATA_DIR="$data" SERVER_PORT=$PORT "$JAVA" "$@" > "$data.log" 2>&1 &
  PID=$!
  until curl -fs "localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $PID 2>/dev/null || { echo "server died; see $data.log"; cat "$data.log"; exit 1; }
    sleep 0.05
  done
  local ended=$(date +%s%N)
  printf '  %-28s %6.2f s\n' "$label" "$(echo "($ended - $began) / 1000000000" | bc -l)"
}

three_starts() { # data dir, java arguments...
  local data=$1; shift
  start "first start (empty data)" "$data" "$@"; kill $PID; wait $PID 2>/dev/null || true
  start "second start (same data)" "$data" "$@"; kill -9 $PID; wait $PID 2>/dev/null || true
  start "start after kill -9" "$data" "$@"; kill $PID; wait $PID 2>/dev/null || true
}

echo "Atelier startup, launch to readiness UP ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1))"
echo "fat jar (java -jar):"
three_starts "$WORK/jar" -jar "$JAR"

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
echo "extracted jar with an AppCDS archive (made on the first start):"
three_starts "$WORK/cds" -XX:SharedArchiveFile="$WORK/atelier.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$WORK/extracted/atelier-0.1.0-SNAPSHOT.jar"
