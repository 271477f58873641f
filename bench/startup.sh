#!/usr/bin/env bash
# Time from launch to readiness UP for a first start (empty data directory), a second start
# (same data) and a start after `kill -9` (postgres left running, stale lock file).
# Usage: bench/startup.sh            (builds the jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=target/atelier-0.1.0-SNAPSHOT.jar
PORT=${PORT:-18080}
[ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -B -ntp package -DskipTests

DATA=$(mktemp -d /tmp/atelier-startup-XXXX)
trap 'kill -9 ${PID:-0} 2>/dev/null || true; pkill -INT -f "$DATA/postgres" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$DATA"' EXIT

start() {
  local began=$(date +%s%N)
  ATELIER_DATA_DIR="$DATA" SERVER_PORT=$PORT "$JAVA" -jar "$JAR" > "$DATA/app-$1.log" 2>&1 &
  PID=$!
  until curl -fs "localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $PID 2>/dev/null || { echo "server died; see $DATA/app-$1.log"; cat "$DATA/app-$1.log"; exit 1; }
    sleep 0.05
  done
  local ended=$(date +%s%N)
  printf '%-28s %6.2f s\n' "$1" "$(echo "($ended - $began) / 1000000000" | bc -l)"
}

echo "Atelier startup, launch to readiness UP ($(nproc) cores, $("$JAVA" -version 2>&1 | head -1))"
start "first start (empty data)"
kill $PID; wait $PID 2>/dev/null || true
start "second start (same data)"
kill -9 $PID; wait $PID 2>/dev/null || true
start "start after kill -9"
kill $PID; wait $PID 2>/dev/null || true
