#!/usr/bin/env bash
# Sends a corpus of hostile files and bodies to the published program on 127.0.0.1 and prints, for each, the
# answer, the time it took and the server's peak resident memory while it was handled, against its memory at
# rest. Goal: no crash, no 5xx, every answer within 10 s, peak no more than 300 MB above idle.
# The corpus is generated here at run time (bench/hostile_corpus.py); nothing large is committed.
# Prints a Markdown table; bench/results/hostile-input.md records it.
# Usage: bench/hostile-input.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=5097
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
data="$work/data"
"$work/out/scorecards" seed --demo --data "$data" >/dev/null
admin=$("$work/out/scorecards" token create --email admin@demo.scorecards.test --data "$data" | tail -1)
reporter=$("$work/out/scorecards" token create --email reporter.wg-tip@demo.scorecards.test --data "$data" | tail -1)
"$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done

python3 bench/hostile_corpus.py "http://127.0.0.1:$port" "$server" "$admin" "$reporter" "$work/corpus"
kill -0 "$server" && echo "The server is still running." || { echo "The server died."; exit 1; }
