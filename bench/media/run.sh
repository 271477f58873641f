#!/usr/bin/env bash
# Upload throughput of a 1 GB video through POST /api/v1/uploads against a plain `cp` of the
# same file in the same run, with the server at -Xmx256m; samples the server's heap and RSS
# while the upload runs. Not part of the test suite. Usage: bench/media/run.sh [size-in-MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB=${1:-1024}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK=$(mktemp -d /tmp/atelier-bench-media.XXXXXX)
SERVER_PID=""
SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building the jar"
./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/atelier-*.jar | grep -v plain | head -1)

echo "== making a ${SIZE_MB} MB video (raw 1280x720 frames in Matroska, so it decodes like any upload)"
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null
FFMPEG=$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "target/classes:$(cat "$WORK/classpath")" bench/media/FindFfmpeg.java | tail -1)
FRAME_BYTES=$((1280 * 720 * 3 / 2))
FRAMES=$(( SIZE_MB * 1024 * 1024 / FRAME_BYTES ))
LD_LIBRARY_PATH=$(dirname "$FFMPEG") "$FFMPEG" -v error -nostdin -f lavfi -i "testsrc2=size=1280x720:rate=25" \
  -frames:v "$FRAMES" -c:v rawvideo -pix_fmt yuv420p "$WORK/video.mkv"
FILE_BYTES=$(stat -c %s "$WORK/video.mkv")
echo "   $FILE_BYTES bytes"

echo "== plain copy of the same file, and hashing it alone (coreutils sha256sum) for scale"
sync
h0=$(date +%s.%N); sha256sum "$WORK/video.mkv" >/dev/null; h1=$(date +%s.%N); HASH_S=$(echo "$h1 - $h0" | bc -l)
t0=$(date +%s.%N); cp "$WORK/video.mkv" "$WORK/copy.mkv"; t1=$(date +%s.%N); sync; t2=$(date +%s.%N)
CP_S=$(echo "$t1 - $t0" | bc -l); CP_SYNC_S=$(echo "$t2 - $t0" | bc -l)
rm -f "$WORK/copy.mkv"; sync

echo "== starting the server (-Xmx256m, embedded database, data in $WORK/data)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SERVER_PORT=$PORT ATELIER_DATA_DIR="$WORK/data" ATELIER_MEDIA_LIMITS_VIDEO=2GB ATELIER_ACCOUNTS_SIGNUPS_PER_ADDRESS=1000000 ATELIER_MEDIA_UPLOADS_PER_USER=1000 \
  "$JAVA" -Xmx256m -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died"; tail -40 "$WORK/server.log"; exit 1; }
  sleep 0.5
done
TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password 123","name":"Bench"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/signup" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

echo "== warming up with one small upload (not measured: JIT, first ffmpeg start)"
LD_LIBRARY_PATH=$(dirname "$FFMPEG") "$FFMPEG" -v error -nostdin -f lavfi -i "testsrc2=size=320x240:rate=25" \
  -frames:v 25 -c:v rawvideo -pix_fmt yuv420p "$WORK/warmup.mkv"
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/warmup.mkv" "http://127.0.0.1:$PORT/api/v1/uploads"

heap_kb() { # used heap in KB, from the server's own Prometheus endpoint (jstat is too slow to start)
  curl -s -m 1 "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%d", sum / 1024}'
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
BASE_HEAP=$(heap_kb); BASE_RSS=$(rss_kb)
( while kill -0 "$SERVER_PID" 2>/dev/null; do echo "$(heap_kb) $(rss_kb)"; sleep 0.2; done ) > "$WORK/samples" &
SAMPLER_PID=$!

echo "== uploading through the API (curl, multipart)"
sync
t0=$(date +%s.%N)
STATUS=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -F "file=@$WORK/video.mkv;type=application/octet-stream" "http://127.0.0.1:$PORT/api/v1/uploads")
t1=$(date +%s.%N)
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
UP_S=$(echo "$t1 - $t0" | bc -l)
if [ "$STATUS" != "201" ]; then echo "upload answered $STATUS:"; cat "$WORK/response.json"; exit 1; fi

PEAK_HEAP=$(awk '$1 > m {m = $1} END {print m}' "$WORK/samples")
PEAK_RSS=$(awk '$2 > m {m = $2} END {print m}' "$WORK/samples")
SAMPLES=$(wc -l < "$WORK/samples")
mb() { echo "scale=1; $1 / 1048576" | bc -l; }
rate() { echo "scale=0; $FILE_BYTES / 1048576 / $1" | bc -l; }

echo
echo "== media upload bench ($(nproc) cores, $("$JAVA" -version 2>&1 | head -1), server -Xmx256m, local store)"
printf "file                 %s MB (raw video in Matroska)\n" "$(mb "$FILE_BYTES")"
printf "cp                   %6.2f s  %5s MB/s\n" "$CP_S" "$(rate "$CP_S")"
printf "cp + sync            %6.2f s  %5s MB/s\n" "$CP_SYNC_S" "$(rate "$CP_SYNC_S")"
printf "sha256sum alone      %6.2f s  %5s MB/s\n" "$HASH_S" "$(rate "$HASH_S")"
printf "upload (API, curl)   %6.2f s  %5s MB/s   = %s%% of cp, %s%% of cp + sync\n" "$UP_S" "$(rate "$UP_S")" \
  "$(echo "scale=0; 100 * $CP_S / $UP_S" | bc -l)" "$(echo "scale=0; 100 * $CP_SYNC_S / $UP_S" | bc -l)"
printf "server heap used     %s MB before, %s MB peak during the upload (%s samples, every 0.2 s, from /actuator/prometheus)\n" \
  "$(mb $((BASE_HEAP * 1024)))" "$(mb $((PEAK_HEAP * 1024)))" "$SAMPLES"
printf "server RSS           %s MB before, %s MB peak\n" "$(mb $((BASE_RSS * 1024)))" "$(mb $((PEAK_RSS * 1024)))"
grep -o 'Stored video.*' "$WORK/server.log" | sed 's/^/server: /' || true
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print("asset               ", a["kind"], a["mediaType"], a["bytes"], "bytes", a["width"], "x", a["height"], a["durationMs"], "ms")' "$WORK/response.json"
