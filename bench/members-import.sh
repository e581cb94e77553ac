#!/usr/bin/env bash
# Benchmarks the members import at its bounds through the API of the published program on 127.0.0.1: the largest file
# it accepts — 2,000 rows of new members with long names and notes, just under 1 MB — previewed three times and applied,
# then a file of 2,000 changes of status to the same members. Each step is timed end to end by curl; the server's
# resident memory is read before and after. bench/results/import.md records the figures.
# Usage: bench/members-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=5097
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
header = "Name,Kind,Status,Status since,Note\n"
rows = []
for i in range(2000):
    name = f"Member state number {i:04d} " + "of the long name " * 9
    rows.append((name.strip(), "state", "observer", "2020-01-01", "n" * 300))
open(f"{work}/new.csv", "w", encoding="utf-8").write(header + "".join(f"{n},{k},{s},{d},{t}\n" for n, k, s, d, t in rows))
open(f"{work}/changed.csv", "w", encoding="utf-8").write(header + "".join(f"{n},{k},member,2025-06-01,{t}\n" for n, k, s, d, t in rows))
PY
ls -l "$work"/*.csv | awk '{print $5, $9}'

"$work/out/scorecards" seed --demo --data "$work/data" >/dev/null
token=$("$work/out/scorecards" token create --email admin@demo.scorecards.test --data "$work/data" | tail -1)
"$work/out/scorecards" serve --data "$work/data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
echo "server memory before: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"

post() { # FILE DRYRUN → seconds and counts
  curl -s -o "$work/response.json" -w '%{time_total}' -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
    --data-binary "@$1" "http://127.0.0.1:$port/api/v1/members/import?dryRun=$2"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); r=r.get("preview", r); print(" s: created %(created)s, updated %(updated)s, unchanged %(unchanged)s, rejected %(rejected)s, applied %(applied)s" % r)' "$work/response.json"
}

for run in 1 2 3; do echo -n "dry run $run, 2,000 new: "; post "$work/new.csv" true; done
echo -n "apply, 2,000 new: "; post "$work/new.csv" false
echo -n "dry run, 2,000 changes of status: "; post "$work/changed.csv" true
echo -n "apply, 2,000 changes of status: "; post "$work/changed.csv" false
echo -n "GET /api/v1/members (2,049 with their history): "
curl -s -o /dev/null -w '%{time_total} s\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/members"
echo "server memory after: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
