#!/usr/bin/env bash
# Benchmarks the most-read page, the round page, and its API twin, against the published program on
# 127.0.0.1: once with the demo data (2 rounds) and once with a generated history of 100 rounds.
# Needs wrk (apt-get install wrk). Prints the figures; bench/results/round-page.md records them.
# Usage: bench/round-page.sh [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
port=5099
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
dotnet build bench/Scorecards.Bench -c Release >/dev/null

for rounds in 2 100; do
  data="$work/data-$rounds"
  dotnet run --project bench/Scorecards.Bench -c Release --no-build -- "$data" "$rounds"
  token=$("$work/out/scorecards" token create --email cochair.australia@demo.scorecards.test --data "$data" | tail -1)

  # One request with EF Core's command log on, to count the queries behind the page.
  env "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information" \
    "$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  current=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rounds" | python3 -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin) if r["status"]=="Open"][0])')
  before=$(grep -c "Executed DbCommand" "$work/server.log" || true)
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/rounds/$current"
  sleep 0.5
  after=$(grep -c "Executed DbCommand" "$work/server.log" || true)
  echo "rounds=$rounds: GET /rounds/$current ran $((after - before)) queries (including the token check and layout)"
  kill "$server"; wait "$server" 2>/dev/null || true

  "$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  for path in "/rounds/$current" "/api/v1/rounds/$current/summary"; do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
    echo "== rounds=$rounds GET $path"
    wrk -t2 -c8 -d"${duration}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" \
      | grep -E "Requests/sec|Latency  |50%|99%|requests in"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
done
