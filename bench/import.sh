#!/usr/bin/env bash
# Benchmarks the activities import through the API of the published program on 127.0.0.1: a dry run and an
# apply of 10,000 new activities from CSV and from XLSX, then a dry run and an apply of the same 10,000
# activities changed (an edited export), each timed end to end by curl. The server's memory is read after.
# Prints the figures; bench/results/import.md records them.
# Usage: bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
port=5098
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
dotnet build bench/Scorecards.Bench -c Release >/dev/null
for format in csv xlsx; do
  dotnet run --project bench/Scorecards.Bench -c Release --no-build -- activities "$work/activities.$format" "$rows"
done

post() { # FILE TYPE DRYRUN → prints seconds and the counts
  curl -s -o "$work/response.json" -w '%{time_total}' -H "Authorization: Bearer $token" -H "Content-Type: $2" \
    --data-binary "@$1" "http://127.0.0.1:$port/api/v1/activities/import?dryRun=$3"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); r=r.get("preview", r); print(" s: created %(created)s, updated %(updated)s, unchanged %(unchanged)s, rejected %(rejected)s, applied %(applied)s" % r)' "$work/response.json"
}

for format in csv xlsx; do
  type=$([ "$format" = csv ] && echo text/csv || echo application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)
  data="$work/data-$format"
  "$work/out/scorecards" seed --demo --data "$data" >/dev/null
  token=$("$work/out/scorecards" token create --email admin@demo.scorecards.test --data "$data" | tail -1)
  "$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  echo "== $format, $rows new activities (server started, import not yet run)"
  for run in 1 2 3; do echo -n "dry run $run: "; post "$work/activities.$format" "$type" true; done
  echo -n "apply: "; post "$work/activities.$format" "$type" false
  echo -n "dry run of the same file again (all unchanged): "; post "$work/activities.$format" "$type" true

  # An export of the register, every participant count changed: $rows updates.
  curl -sf -H "Authorization: Bearer $token" -o "$work/export.csv" "http://127.0.0.1:$port/api/v1/activities/export?format=csv"
  python3 - "$work/export.csv" "$work/changed.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
column = rows[0].index("Participants")
for row in rows[1:]:
    row[column] = str(int(row[column] or 0) + 1)
csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8")).writerows(rows)
PY
  echo -n "dry run of an edited export: "; post "$work/changed.csv" text/csv true
  echo -n "apply of the edited export: "; post "$work/changed.csv" text/csv false
  echo "server memory after: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
  kill "$server"; wait "$server" 2>/dev/null || true
done
