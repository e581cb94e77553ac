#!/usr/bin/env bash
# Checks the deployment files as far as this machine can, and says what it could not check:
#   compose.yaml        against the Compose Specification's JSON Schema (tools/deploy-check)
#   systemd units       with systemd-analyze verify, any warning failing, with ExecStart pointing at the built program
#   Dockerfile          built and run (read-only root, health check) where a container engine answers
# Usage: deploy/check.sh [FOLDER OF THE BUILT PROGRAM]   (default: artifacts/bin/Scorecards.Web/debug)
set -euo pipefail
cd "$(dirname "$0")/.."
program=$(realpath "${1:-artifacts/bin/Scorecards.Web/debug}")
[ -x "$program/scorecards" ] || { echo "deploy/check.sh: $program/scorecards is not built; run dotnet build first." >&2; exit 1; }

echo "-- compose.yaml"
node tools/deploy-check/check-compose.js compose.yaml

echo "-- systemd units"
units=$(mktemp -d)
trap 'rm -rf "$units"' EXIT
cp deploy/systemd/scorecards@.service "$units/scorecards@8081.service"
cp deploy/systemd/scorecards-backup.service deploy/systemd/scorecards-backup.timer "$units/"
sed -i "s|/opt/scorecards|$program|g" "$units"/*.service
said=$(systemd-analyze verify --man=no "$units"/* 2>&1) || { echo "$said"; exit 1; }
if [ -n "$said" ]; then
  echo "$said"
  echo "systemd-analyze verify warned about the units." >&2
  exit 1
fi
echo "scorecards@.service, scorecards-backup.service and .timer: verified."

echo "-- Dockerfile"
if docker info >/dev/null 2>&1; then
  docker build --tag scorecards:check .
  id=$(docker run --detach --read-only --tmpfs /tmp --volume scorecards-check:/data scorecards:check serve --demo --urls http://0.0.0.0:8080)
  trap 'docker rm --force "$id" >/dev/null; docker volume rm scorecards-check >/dev/null; rm -rf "$units"' EXIT
  for _ in $(seq 1 60); do
    state=$(docker inspect --format '{{.State.Health.Status}}' "$id")
    [ "$state" = healthy ] && break
    sleep 2
  done
  [ "$state" = healthy ] || { docker logs "$id"; echo "The container did not become healthy ($state)." >&2; exit 1; }
  echo "The image builds, runs as $(docker exec "$id" id -un) on a read-only root and reports healthy."
else
  echo "No container engine answers here (docker info failed): the image was neither built nor run."
fi
