#!/usr/bin/env bash
# Requests per second of GET /api/v1/me with an API key and with a JWT access token, and of
# the health endpoint, in one run against one server (embedded defaults, temp data directory).
# Usage: bench/auth/run.sh [seconds per measurement, default 10] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=target/atelier-0.1.0-SNAPSHOT.jar
PORT=${PORT:-18081}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -B -ntp package -DskipTests

DATA=$(mktemp -d /tmp/atelier-auth-XXXX)
ATELIER_DATA_DIR="$DATA" SERVER_PORT=$PORT ATELIER_ACCOUNTS_SIGNUPS_PER_ADDRESS=1000000 "$JAVA_HOME/bin/java" -jar "$JAR" > "$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; do sleep 0.2; done

BASE="http://localhost:$PORT"
EMAIL="bench-$RANDOM@bench.local"
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"bench-password-1\",\"name\":\"Bench\"}" "$BASE/api/v1/auth/signup" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
KEY=$(curl -fs -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
  -d '{"name":"bench","scopes":["generate"]}' "$BASE/api/v1/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')

rate() { # label, then wrk arguments
  local label=$1; shift
  wrk -t2 -c4 -d3s "$@" >/dev/null   # warm-up
  local rps=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" "$@" | awk '/Requests\/sec/ {print $2}')
  printf '%-26s %10.0f req/s\n' "$label" "$rps" >&2
  echo "$rps"
}

echo "bench/auth: wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" >&2
HEALTH=$(rate "GET /actuator/health" "$BASE/actuator/health")
WITH_KEY=$(rate "GET /api/v1/me (API key)" -H "Authorization: Bearer $KEY" "$BASE/api/v1/me")
WITH_JWT=$(rate "GET /api/v1/me (JWT)" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me")
printf 'ratio API key / health: %.2f\nratio JWT / health:     %.2f\n' \
  "$(echo "$WITH_KEY / $HEALTH" | bc -l)" "$(echo "$WITH_JWT / $HEALTH" | bc -l)"
