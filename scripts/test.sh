#!/usr/bin/env bash
# Runs every test: installs what is missing (PostgreSQL), builds in Release, runs all test projects.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build SecondChance.sln -c Release -warnaserror -nologo -v q
# the Host loads Wolverine's handler code pre-generated; a use case added or changed without regenerating it fails here
bash scripts/codegen.sh --check --no-build
results=$(mktemp -d)
status=0
dotnet test SecondChance.sln -c Release --no-build --nologo --filter "Category!=Failover" --logger "trx" --results-directory "$results" -- xUnit.ParallelizeTestCollections=true || status=$?
passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  c=$(grep -o '<Counters [^>]*>' "$f" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$c"); x=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$c")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$c")
  passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0})); skipped=$((skipped + ${n:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
