#!/usr/bin/env bash
# Time from launch to readiness UP of the README's run command, `./mvnw spring-boot:run`: a first
# start on an empty data directory, then a second start on the same data; then the same for the
# production line, `java -jar target/atelier-0.1.0-SNAPSHOT.jar`. Each server is stopped (SIGTERM
# to its process group) before the next starts. Dependencies must be downloaded already (run the
# command once), as on a developer's machine: the figures are Atelier's start, not the network.
# Usage: bench/startup.sh            (PORT=18080 by default; KEEP=1 keeps the logs)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
JAR=target/atelier-0.1.0-SNAPSHOT.jar
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/atelier-startup-XXXX)
PGID=
stop() { [ -n "$PGID" ] && { kill -TERM -- "-$PGID" 2>/dev/null || true; while kill -0 -- "-$PGID" 2>/dev/null; do sleep 0.2; done; }; PGID=; }
trap 'stop; [ -n "${KEEP:-}" ] && echo "logs in $WORK" || rm -rf "$WORK"' EXIT

# The readiness probe is bash alone: a curl and a sleep started every 50 ms cost ~0.3 s of CPU over
# a start, taken from the two cores the start itself needs. /dev/tcp makes the request, and a read
# with a timeout on a FIFO nobody writes to is the pause.
mkfifo "$WORK/pause" && exec 9<>"$WORK/pause"
ready() {
  local reply=
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
  printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
  IFS= read -r -t 5 -d '' -u 3 reply || true # a server that accepts but never answers is not ready
  exec 3>&-
  [[ $reply == *'"UP"'* ]]
}

start() { # label, data dir, command...
  local label=$1 data=$2; shift 2
  local began=$(date +%s%N)
  ATELIER_DATA_DIR="$data" SERVER_PORT=$PORT setsid "$@" > "$data.log" 2>&1 < /dev/null &
  PGID=$!
  until ready; do
    kill -0 "$PGID" 2>/dev/null || { echo "server died; see $data.log"; tail -40 "$data.log"; exit 1; }
    read -t 0.05 -u 9 || true
  done
  local ended=$(date +%s%N)
  # CPU seconds the launched processes used until then (Maven and the JVM it forks; the embedded
  # PostgreSQL runs in its own session and is not counted): a figure the machine's load barely moves
  local cpu=$(cat /proc/[0-9]*/stat 2>/dev/null | sed 's/.*) //' \
      | awk -v g="$PGID" -v hz="$(getconf CLK_TCK)" '$3 == g { s += $12 + $13 } END { printf "%.1f", s / hz }')
  printf '  %-38s %6.2f s   (%5.1f s CPU)\n' "$label" "$(echo "($ended - $began) / 1000000000" | bc -l)" "$cpu"
  stop
}

echo "Atelier start-up, launch to readiness UP ($(nproc) cores, $(uptime | sed 's/.*load/load/'), $(java -version 2>&1 | head -1))"
./mvnw -q -B -ntp -o test-compile >/dev/null 2>&1 || ./mvnw -q -B -ntp test-compile >/dev/null
echo "README run command (./mvnw spring-boot:run):"
# The first run after the code changed records the start-up cache (a training run, written when it
# stops); it is what a fresh clone's first start is. Timed and shown, then the figures the targets
# are about: a first start on an empty data directory and a second one, both using the cache.
if grep -q AOTCacheOutput target/spring-boot-run.flags 2>/dev/null; then
  start "training run (records the AOT cache)" "$WORK/train" ./mvnw spring-boot:run
fi
start "first start (empty data directory)" "$WORK/run" ./mvnw spring-boot:run
start "second start (same data)" "$WORK/run" ./mvnw spring-boot:run
if [ -f "$JAR" ]; then
  echo "production line (java -jar $JAR):"
  start "first start (empty data directory)" "$WORK/jar" java -jar "$JAR"
  start "second start (same data)" "$WORK/jar" java -jar "$JAR"
  # what deploy/Dockerfile does (docs/deploy.md, "Faster starts"): the jar extracted, so its classes
  # sit in plain jars an AOT cache can hold, and a training run that stops once Atelier is ready
  echo "production line with an AOT cache (extracted jar, trained with -Datelier.training-run=true):"
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  APP_JAR="$WORK/app/$(basename "$JAR")"
  ATELIER_DATA_DIR="$WORK/aot-train" SERVER_PORT=$PORT java -XX:AOTCacheOutput="$WORK/app/atelier.aot" \
      -Datelier.training-run=true -jar "$APP_JAR" > "$WORK/aot-train.log" 2>&1
  start "first start (empty data directory)" "$WORK/aot" java -XX:AOTCache="$WORK/app/atelier.aot" -jar "$APP_JAR"
  start "second start (same data)" "$WORK/aot" java -XX:AOTCache="$WORK/app/atelier.aot" -jar "$APP_JAR"
fi
echo "after: $(uptime | sed 's/.*load/load/')"
