#!/usr/bin/env bash
# Benchmarks the operator's verbs on the published program: 'backup', 'restore' into a new folder and 'export-all', on
# the demo with a generated round ten times the demo's size (bench/Scorecards.Bench large-round), each timed and its
# peak memory read by GNU time, three times; then 'backup' while a server answers round pages, to see that both go on.
# Prints the figures; bench/results/operations.md records them.
# Usage: bench/operations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=5097
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
dotnet build bench/Scorecards.Bench -c Release >/dev/null
data="$work/data"
dotnet run --project bench/Scorecards.Bench -c Release --no-build -- large-round "$data" 10 >/dev/null
echo "database: $(du -k "$data/scorecards.db" | cut -f1) KB, $(sqlite3 "$data/scorecards.db" 'SELECT count(*) FROM Entries') entries, $(sqlite3 "$data/scorecards.db" 'SELECT count(*) FROM AuditEvents') audit events"

measure() { # LABEL COMMAND… → elapsed seconds and peak memory
  local label=$1
  shift
  /usr/bin/time -f "%e s, %M KB peak" -o "$work/time" "$@" >/dev/null
  echo "$label: $(cat "$work/time")"
}

for i in 1 2 3; do
  measure "backup $i" "$work/out/scorecards" backup --out "$work/copy-$i.db" --data "$data"
  measure "restore $i" "$work/out/scorecards" restore "$work/copy-$i.db" --data "$work/restored-$i"
  measure "export-all $i" "$work/out/scorecards" export-all --out "$work/all-$i.zip" --data "$data"
done
echo "backup: $(du -k "$work/copy-1.db" | cut -f1) KB; export-all: $(du -k "$work/all-1.zip" | cut -f1) KB, $(unzip -l "$work/all-1.zip" | tail -1 | awk '{print $2}') files"
cmp -s "$work/copy-1.db" "$work/copy-2.db" && echo "two backups of the same data: the same bytes" || echo "two backups of the same data: different bytes"

"$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
( for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$port/public"; done ) &
pages=$!
measure "backup while the server answers 200 page requests" "$work/out/scorecards" backup --out "$work/copy-live.db" --data "$data"
wait "$pages" && echo "every page request answered during the backup"
sqlite3 "$work/copy-live.db" 'PRAGMA integrity_check' | sed 's/^/integrity of the copy taken while serving: /'
