#!/usr/bin/env bash
# Start-to-first-200: starts a built Host on a fresh database and times how long until /health/ready answers 200
# (schema applied, Marten's store built) and until a first authenticated read (sign-in, then GET /facilities, which
# reads Marten's events). Each run creates a database, registers an administrator there (which applies the schema)
# and starts the Host on it twice.
# usage: bench/cold-start.sh [path/to/SecondChance.Host.dll] [runs]   (needs the test cluster: scripts/test.sh starts it)
set -euo pipefail
cd "$(dirname "$0")/.."
dll=$(realpath "${1:-src/Host/bin/Release/net10.0/SecondChance.Host.dll}")
[ -f "$dll" ] || { echo "no Host build at $dll" >&2; exit 2; }
runs=${2:-5}
root=${SECONDCHANCE_PG_ROOT:-/var/lib/secondchance}/pg-test
port=$(cat "$root/port"); password=$(cat "$root/password")
admin="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
psql_() { PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U postgres -qtA "$@"; }
for run in $(seq 1 "$runs"); do
  db="coldstart_$RANDOM$RANDOM"
  psql_ -c "create database $db" >/dev/null
  export ConnectionStrings__SecondChance="$admin;Database=$db"
  printf 'secret-Passw0rd!\n' | (cd src/Host && dotnet "$dll" create-admin --username cold >/dev/null 2>&1) || true
  for start_no in 1 2; do
    port_http=$((20000 + RANDOM % 20000))
    start=$(date +%s%N)
    (cd src/Host && exec dotnet "$dll" --urls "http://127.0.0.1:$port_http" >/dev/null 2>&1) &
    pid=$!
    until curl -fs "http://127.0.0.1:$port_http/health/ready" >/dev/null 2>&1; do
      kill -0 "$pid" 2>/dev/null || { echo "the Host exited before it was ready" >&2; exit 1; }
      sleep 0.02
    done
    ready=$(date +%s%N)
    token=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"username":"cold","password":"secret-Passw0rd!"}' \
            "http://127.0.0.1:$port_http/auth/token" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
    curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port_http/facilities" >/dev/null
    first=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    label=$([ "$start_no" = 1 ] && echo "first start" || echo "second start")
    echo "run $run, $label: ready after $(( (ready - start) / 1000000 )) ms; first authenticated read after $(( (first - start) / 1000000 )) ms"
  done
  psql_ -c "drop database $db with (force)" >/dev/null
done
