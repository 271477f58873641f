#!/usr/bin/env bash
# The README's curl walk-through against a running Atelier, for every offline model: sign up, make
# an API key, generate, follow the job until it ends, download the output. Prints what came out.
# Usage: bench/walkthrough.sh [base URL]   (default http://localhost:8080; needs curl and jq... or not: sed)
set -euo pipefail
BASE=${1:-http://localhost:8080}
OUT=${OUT:-$(mktemp -d /tmp/atelier-walkthrough-XXXX)}; mkdir -p "$OUT"
field() { sed -nE "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/p" | head -1; }

email="walk-$RANDOM$RANDOM@example.com"
token=$(curl -fsS "$BASE/api/v1/auth/signup" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery\",\"name\":\"Walker\"}" | field accessToken)
key=$(curl -fsS "$BASE/api/v1/api-keys" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"walkthrough","scopes":["generate","library:read"]}' | field key)
echo "signed up $email, API key ${key:0:12}…"

generate() { # model, params JSON
  local model=$1 params=$2 job status started=$(date +%s)
  job=$(curl -fsS "$BASE/api/v1/generations" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d "{\"model\":\"$model\",\"prompt\":\"a quiet harbour at dawn, gulls over the water\",\"params\":$params}" | field id)
  while :; do
    body=$(curl -fsS "$BASE/api/v1/generations/$job" -H "Authorization: Bearer $key")
    status=$(echo "$body" | field status)
    case $status in queued|running) sleep 0.5 ;; *) break ;; esac
  done
  if [ "$status" != succeeded ]; then echo "$model: $status: $body"; return 1; fi
  url=$(echo "$body" | sed -nE 's/.*"url":"([^"]*)".*/\1/p' | head -1)
  case $url in http*) ;; *) url="$BASE$url" ;; esac
  file="$OUT/${model#local/}"
  curl -fsS "$url" -o "$file"
  printf '%-14s %-9s %5ds %9d bytes  %s\n' "$model" "$status" $(( $(date +%s) - started )) "$(stat -c %s "$file")" "$(file -b "$file" 2>/dev/null | cut -c1-60)"
}
generate local/sketch '{"width":512,"height":512}'
generate local/tune '{"durationSeconds":5}'
generate local/voice '{}'
generate local/motion '{"durationSeconds":3}'
echo "outputs in $OUT"
