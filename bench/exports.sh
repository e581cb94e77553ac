#!/usr/bin/env bash
# Benchmarks the round exports through the API of the published program on 127.0.0.1: each format
# (docx, pdf, xlsx, csv, json) of the demo's published round (44 entries) and of a generated round ten
# times its size (440 entries), three times each, timed end to end by curl; then twenty exports of the
# large round in a row, reading the server's memory before and after.
# Prints the figures; bench/results/exports.md records them.
# Usage: bench/exports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=5096
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
dotnet build bench/Scorecards.Bench -c Release >/dev/null
data="$work/data"
dotnet run --project bench/Scorecards.Bench -c Release --no-build -- large-round "$data" 10
token=$("$work/out/scorecards" token create --email admin@demo.scorecards.test --data "$data" | tail -1)
"$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
rounds=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rounds" | python3 -c '
import json, sys
rounds = {r["name"]: r["id"] for r in json.load(sys.stdin)}
print(rounds["18th AHG SOM, 2025"], rounds["Generated round ×10"])')
read -r demo large <<<"$rounds"

get() { # ROUND FORMAT → seconds and bytes
  curl -sf -o /dev/null -w '%{time_total} s, %{size_download} bytes' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/rounds/$1/export?format=$2"
}

echo "server memory after start: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
for round in "$demo" "$large"; do
  for format in docx pdf xlsx csv json; do
    echo "round $round $format: $(get "$round" "$format") | $(get "$round" "$format") | $(get "$round" "$format")"
  done
done
echo "server memory after those: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
for _ in $(seq 1 4); do
  for format in docx pdf xlsx csv json; do get "$large" "$format" >/dev/null; done
done
echo "server memory after 20 more exports of the large round: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
