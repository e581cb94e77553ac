#!/usr/bin/env bash
# Adds one migration with the same name to each provider's migrations project.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Scorecards.Data.$provider" \
    --startup-project "src/Scorecards.Data.$provider" \
    --output-dir Migrations
done
