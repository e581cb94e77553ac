#!/usr/bin/env bash
# Measures the app against the limit of the machine, in one run: the published round page (public and signed in), the
# open round page and the summary API of both rounds, each against Kestrel serving the same bytes from memory (the
# limit, measured just before it), and a trivial endpoint anonymous and with a token. Prints requests/s, p99 and each
# ratio, and the server's resident memory after a minute of mixed load. Needs wrk (apt-get install wrk).
# Usage: bench/throughput.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-32}
port=5097
base_port=5096
work=$(mktemp -d)
trap 'kill "${server:-0}" "${baseline:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Scorecards.Web -c Release -o "$work/out" >/dev/null
dotnet build bench/Scorecards.Bench -c Release >/dev/null

data="$work/data"
dotnet run --project bench/Scorecards.Bench -c Release --no-build -- "$data" 2
token=$("$work/out/scorecards" token create --email cochair.australia@demo.scorecards.test --data "$data" | tail -1)
"$work/out/scorecards" serve --data "$data" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
url="http://127.0.0.1:$port"
read -r published open < <(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/rounds" | python3 -c '
import json, sys
rounds = json.load(sys.stdin)
print([r["id"] for r in rounds if r["status"] == "Published"][0], [r["id"] for r in rounds if r["status"] == "Open"][0])')

auth="Authorization: Bearer $token"
# Each answer is measured against Kestrel serving the same bytes from memory: the baseline serves a copy of each
# answer as it is, at /0, /1, … (the signed-in pages carry a fresh anti-forgery token each time, of the same length).
names=(public-published page-published page-open summary-published summary-open)
targets=("$url/public/rounds/$published" "$url/rounds/$published" "$url/rounds/$open" "$url/api/v1/rounds/$published/summary"
  "$url/api/v1/rounds/$open/summary")
headers=("" "$auth" "$auth" "$auth" "$auth")
types=("text/html; charset=utf-8" "text/html; charset=utf-8" "text/html; charset=utf-8" "application/json; charset=utf-8"
  "application/json; charset=utf-8")
files=()
for i in "${!names[@]}"; do
  curl -sf -o "$work/$i.body" ${headers[$i]:+-H "${headers[$i]}"} "${targets[$i]}"
  files+=("$work/$i.body" "${types[$i]}")
  echo "${names[$i]}: $(wc -c <"$work/$i.body") bytes"
done
dotnet run --project bench/Scorecards.Bench -c Release --no-build -- baseline "http://127.0.0.1:$base_port" "${files[@]}" >/dev/null 2>&1 &
baseline=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$base_port/0" && break; sleep 0.5; done
echo "$connections connections, ${duration}s each"

# measure NAME URL [HEADER]: keeps requests/s and p99 (ms) of URL.
declare -A rate p99 limit
measure() {
  local name=$1 target=$2 header=${3:-}
  local args=(-t2 "-c$connections" "-d${duration}s" --latency)
  [[ -n "$header" ]] && args+=(-H "$header")
  curl -sf -o /dev/null ${header:+-H "$header"} "$target"
  local out
  out=$(wrk "${args[@]}" "$target")
  rate[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99[$name]=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "$name: some answers were not 2xx" >&2; fi
}

# Each endpoint is warmed first, unmeasured, so the figures are those of a server that has run a while, not of its
# first seconds of compiling.
for i in "${!names[@]}"; do
  wrk -t2 "-c$connections" -d5s ${headers[$i]:+-H "${headers[$i]}"} "${targets[$i]}" >/dev/null
  wrk -t2 "-c$connections" -d2s "http://127.0.0.1:$base_port/$i" >/dev/null
done
wrk -t2 "-c$connections" -d5s -H "$auth" "$url/health/live" >/dev/null
# The limit moves by a third between minutes on a shared machine, so each answer's limit is measured just before it.
for i in "${!names[@]}"; do
  measure "limit-$i" "http://127.0.0.1:$base_port/$i"
  limit[${names[$i]}]=${rate[limit-$i]}
  measure "${names[$i]}" "${targets[$i]}" "${headers[$i]}"
done
measure live-anonymous "$url/health/live"
measure live-token "$url/health/live" "$auth"

printf '%-20s %12s %9s %14s %10s\n' what "requests/s" "p99 ms" "limit (same bytes)" "of limit"
for name in "${names[@]}"; do
  printf '%-20s %12s %9s %14s %10s\n' "$name" "${rate[$name]}" "${p99[$name]}" "${limit[$name]}" \
    "$(python3 -c "print(f'{${rate[$name]} / ${limit[$name]}:.2f}')")"
done
printf '%-20s %12s %9s\n' live-anonymous "${rate[live-anonymous]}" "${p99[live-anonymous]}"
printf '%-20s %12s %9s\n' live-token "${rate[live-token]}" "${p99[live-token]}"
echo "token / anonymous on the trivial endpoint: $(python3 -c "print(f'{${rate[live-token]} / ${rate[live-anonymous]}:.2f}')")"

# A minute of mixed load (pages, summaries, the public page), then the server's resident memory once it settles.
for target in "$url/rounds/$open" "$url/api/v1/rounds/$open/summary" "$url/rounds/$published"; do
  wrk -t1 -c8 -d60s -H "$auth" "$target" >/dev/null &
done
wrk -t1 -c8 -d60s "$url/public/rounds/$published" >/dev/null &
wait $(jobs -p | grep -v -e "^$server$" -e "^$baseline$") 2>/dev/null || true
sleep 5
echo "server resident memory after 60 s of mixed load: $(( $(ps -o rss= -p "$server") / 1024 )) MB"
echo "server log: $(wc -l <"$work/server.log") lines, $(wc -c <"$work/server.log") bytes"
