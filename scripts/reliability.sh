#!/usr/bin/env bash
# The PostgreSQL failover scenario (too slow for CI): builds, starts the pg_auto_failover cluster of
# scripts/failover-cluster.sh, runs tests/Reliability.Tests' PrimaryFailoverTests against it (16 clients, the primary
# killed with SIGKILL) and stops the cluster. Figures in docs/reliability.md. Runs as root or with sudo (the cluster runs
# as the postgres user); SECONDCHANCE_FAILOVER_DIR and SECONDCHANCE_FAILOVER_*_PORT choose where it lives.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SECONDCHANCE_FAILOVER=1
dotnet build tests/Reliability.Tests -c Release -warnaserror -nologo -v q
trap 'bash scripts/failover-cluster.sh stop' EXIT
bash scripts/failover-cluster.sh start
dotnet test tests/Reliability.Tests -c Release --no-build --nologo --filter "Category=Failover" \
  --logger "console;verbosity=detailed"
