#!/usr/bin/env bash
# Refreshes the committed screenshots in docs/screenshots: runs the browser tests with SECONDCHANCE_SCREENSHOTS set
# (without it they write their screenshots to a temporary folder and never touch the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export SECONDCHANCE_SCREENSHOTS="$PWD/docs/screenshots"
dotnet build SecondChance.sln -c Release -warnaserror -nologo -v q
dotnet test tests/EndToEnd.Tests -c Release --no-build --nologo
echo "Screenshots written to $SECONDCHANCE_SCREENSHOTS"
