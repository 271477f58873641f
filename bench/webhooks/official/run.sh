#!/usr/bin/env bash
# Cross-check: signatures made by dev.atelier.platform.signing.StandardWebhooks (two keys, as during a
# rotation) verified by the official Standard Webhooks library for JavaScript (npm standardwebhooks).
# Needs node and npm; run after a build (uses target/classes).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/verify.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install standardwebhooks@1.1.1 --no-audit --no-fund >/dev/null)
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$root/target/classes" "$here/Sign.java" > "$work/signed.txt"
(cd "$work" && node verify.mjs)
