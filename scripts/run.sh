#!/usr/bin/env bash
# Runs SecondChance on http://127.0.0.1:5080, starting a private PostgreSQL cluster unless a connection string is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# seeds the demo on first start; SECONDCHANCE_SEED_DEMO=false starts empty
export SECONDCHANCE_SEED_DEMO="${SECONDCHANCE_SEED_DEMO:-true}"
exec dotnet run --project src/Host -c Release -- "$@"
