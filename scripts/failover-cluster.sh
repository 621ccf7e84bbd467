#!/usr/bin/env bash
# A pg_auto_failover cluster on 127.0.0.1 (monitor, primary, synchronous secondary) run as the postgres user, for
# running the Host against a primary that dies. Usage: failover-cluster.sh start|stop|status|kill-primary|connection|destroy
# start is idempotent: it creates what is missing, starts what is not running and waits for a primary and a secondary.
set -euo pipefail
ROOT="${SECONDCHANCE_FAILOVER_DIR:-/var/lib/secondchance/pg-failover}"
MONITOR_PORT="${SECONDCHANCE_FAILOVER_MONITOR_PORT:-55460}"
NODE1_PORT="${SECONDCHANCE_FAILOVER_NODE1_PORT:-55461}"
NODE2_PORT="${SECONDCHANCE_FAILOVER_NODE2_PORT:-55462}"
DB=secondchance
# default: pg_auto_failover's own timeouts (a dead primary is replaced after about 50 s); fast: about 15 s
TIMEOUTS="${SECONDCHANCE_FAILOVER_TIMEOUTS:-default}"
MONITOR_URI="postgres://autoctl_node@127.0.0.1:${MONITOR_PORT}/pg_auto_failover?sslmode=disable"

install_packages() {
  if command -v pg_autoctl >/dev/null && ls /usr/lib/postgresql/*/lib/pgautofailover.so >/dev/null 2>&1; then return 0; fi
  echo "pg_auto_failover not found: installing it with apt-get" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pg-auto-failover-cli postgresql-15-auto-failover >/dev/null
  # the Debian package starts its own cluster; this one is private, so stop the packaged one
  $SUDO service postgresql stop >/dev/null 2>&1 || true
}

pg_bin() { dirname "$(ls /usr/lib/postgresql/*/lib/pgautofailover.so | sort -V | tail -1)" | sed 's|/lib$|/bin|'; }

as_pg() {
  local bin; bin="$(pg_bin)"
  if [ "$(id -un)" = postgres ]; then env PATH="$bin:$PATH" PG_CONFIG="$bin/pg_config" "$@"
  else runuser -u postgres -- env PATH="$bin:$PATH" PG_CONFIG="$bin/pg_config" "$@"; fi
}

monitor_sql() { as_pg psql -X -h 127.0.0.1 -p "$MONITOR_PORT" -U autoctl_node -d pg_auto_failover -Atc "$1"; }

alive() { [ -f "$ROOT/$1.pid" ] && kill -0 "$(cat "$ROOT/$1.pid")" 2>/dev/null; }

run_in_background() { # name: pg_autoctl run supervises the node's postgres and its keeper
  alive "$1" && return 0
  as_pg bash -c "nohup pg_autoctl run --pgdata '$ROOT/$1' >>'$ROOT/$1.log' 2>&1 & echo \$! >'$ROOT/$1.pid'"
}

# "node1:primary:primary" lines: name, reported state, assigned state
states() { monitor_sql "select nodename || ':' || reportedstate || ':' || goalstate from pgautofailover.node order by nodeid" 2>/dev/null || true; }

wait_state() { # node name, extended regex of the wanted states, seconds: until reported and assigned are the same wanted state
  for _ in $(seq 1 "$3"); do
    states | grep -Eq "^$1:($2):\1\$" && return 0
    sleep 1
  done
  echo "timed out waiting for $1 to reach $2" >&2; states >&2; return 1
}

wait_pair() { # seconds: until one node is primary and the other secondary, whichever way round
  for _ in $(seq 1 "$1"); do
    [ "$(states | grep -Ec '^node[12]:(primary:primary|secondary:secondary)$')" = 2 ] && return 0
    sleep 1
  done
  echo "timed out waiting for a primary and a secondary" >&2; states >&2; return 1
}

apply_timeouts() {
  # The monitor calls a node unhealthy after node_considered_unhealthy_timeout without a health check passing; it then
  # waits primary_demote_timeout before promoting, in case the old primary is only cut off: its keeper demotes it after
  # network_partition_timeout without the monitor or a standby, which must be shorter, or there could be two primaries.
  local monitor_settings="health_check_period health_check_timeout health_check_retry_delay node_considered_unhealthy_timeout primary_demote_timeout"
  local partition=20 s
  if [ "$TIMEOUTS" = fast ]; then
    partition=5
    for s in period:1000 timeout:1000 retry_delay:500; do
      monitor_admin "alter system set pgautofailover.health_check_${s%%:*} = ${s#*:}"
    done
    monitor_admin "alter system set pgautofailover.node_considered_unhealthy_timeout = 3000"
    monitor_admin "alter system set pgautofailover.primary_demote_timeout = 8000"
  else
    for s in $monitor_settings; do monitor_admin "alter system reset pgautofailover.$s"; done
  fi
  monitor_admin "select pg_reload_conf()"
  for n in 1 2; do
    as_pg pg_autoctl config set --pgdata "$ROOT/node$n" timeout.network_partition_timeout "$partition" >/dev/null
    as_pg pg_autoctl reload --pgdata "$ROOT/node$n" >/dev/null 2>&1 || true
  done
}

monitor_admin() { as_pg psql -X -q -h 127.0.0.1 -p "$MONITOR_PORT" -d pg_auto_failover -Atc "$1" >/dev/null; }

start() {
  install_packages
  if [ -f "$ROOT/monitor/PG_VERSION" ] && ! grep -qs "^port = '\?${MONITOR_PORT}'\?" "$ROOT/monitor/postgresql-auto-failover.conf"; then
    echo "$ROOT holds a cluster on other ports; set SECONDCHANCE_FAILOVER_DIR or the SECONDCHANCE_FAILOVER_*_PORT variables" >&2; exit 1
  fi
  mkdir -p "$ROOT"; chown postgres:postgres "$ROOT"
  if [ ! -f "$ROOT/monitor/PG_VERSION" ]; then
    as_pg pg_autoctl create monitor --pgdata "$ROOT/monitor" --pgport "$MONITOR_PORT" --hostname 127.0.0.1 \
      --auth trust --no-ssl >"$ROOT/create-monitor.log" 2>&1 || { cat "$ROOT/create-monitor.log" >&2; exit 1; }
  fi
  run_in_background monitor
  for _ in $(seq 1 60); do monitor_sql 'select 1' >/dev/null 2>&1 && break; sleep 1; done
  for n in 1 2; do
    port_var="NODE${n}_PORT"; port="${!port_var}"
    if [ ! -f "$ROOT/node$n/PG_VERSION" ] || ! monitor_sql "select 1 from pgautofailover.node where nodename = 'node$n'" | grep -q 1; then
      # --run: the keeper creates the node (a secondary copies the primary) and keeps running it
      rm -rf "$ROOT/node$n"
      as_pg bash -c "nohup pg_autoctl create postgres --pgdata '$ROOT/node$n' --pgport $port --hostname 127.0.0.1 --listen 127.0.0.1 \
        --name node$n --dbname $DB --monitor '$MONITOR_URI' --auth trust --no-ssl --run >>'$ROOT/node$n.log' 2>&1 & echo \$! >'$ROOT/node$n.pid'"
    else
      run_in_background "node$n"
    fi
    if [ "$n" = 1 ] && ! states | grep -q "^node2:"; then wait_state node1 'single|primary|wait_primary' 120; fi
  done
  wait_pair 300
  apply_timeouts
  status
  echo; echo "Connection string:"; connection
}

connection() {
  # Target Session Attributes=primary: Npgsql opens connections only on the host that is not in recovery; it remembers
  # each host's role for Host Recheck Seconds, so a promoted standby is found within that much of its promotion
  echo "Host=127.0.0.1:${NODE1_PORT},127.0.0.1:${NODE2_PORT};Target Session Attributes=primary;Host Recheck Seconds=1;Database=${DB};Username=postgres;Timeout=5;Include Error Detail=true"
}

status() {
  as_pg pg_autoctl show state --pgdata "$ROOT/monitor"
  monitor_sql "select 'number_sync_standbys=' || number_sync_standbys from pgautofailover.formation where formationid = 'default'"
  monitor_sql "select string_agg(replace(name, 'pgautofailover.', '') || '=' || setting, ', ' order by name) from pg_settings
    where name in ('pgautofailover.node_considered_unhealthy_timeout', 'pgautofailover.primary_demote_timeout', 'pgautofailover.health_check_period')"
  echo "network_partition_timeout=$(as_pg pg_autoctl config get --pgdata "$ROOT/node1" timeout.network_partition_timeout)"
  local primary; primary="$(states | awk -F: '$2 == "primary" {print $1}' | head -1)"
  [ -n "$primary" ] || return 0
  local port_var="NODE${primary#node}_PORT"
  as_pg psql -X -h 127.0.0.1 -p "${!port_var}" -d postgres -Atc \
    "select 'synchronous_standby_names=' || current_setting('synchronous_standby_names') || ', synchronous_commit=' || current_setting('synchronous_commit')"
}

descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }

stop_node() { # name
  [ -d "$ROOT/$1" ] && as_pg pg_autoctl stop --pgdata "$ROOT/$1" >/dev/null 2>&1 || true
  if alive "$1"; then
    for _ in $(seq 1 30); do alive "$1" || break; sleep 1; done
    alive "$1" && kill -9 "$(cat "$ROOT/$1.pid")" $(descendants "$(cat "$ROOT/$1.pid")") 2>/dev/null || true
  fi
  rm -f "$ROOT/$1.pid"
}

stop() { for name in node2 node1 monitor; do stop_node "$name"; done; }

kill_primary() { # SIGKILL the primary's keeper and postgres with all their processes, as if its machine died
  local node; node="$(states | awk -F: '$2 == "primary" || $2 == "wait_primary" || $2 == "single" {print $1}' | head -1)"
  [ -n "$node" ] || { echo "no primary" >&2; states >&2; exit 1; }
  local pids=""
  if [ -f "$ROOT/$node.pid" ]; then pids="$(cat "$ROOT/$node.pid") $(descendants "$(cat "$ROOT/$node.pid")")"; fi
  if [ -f "$ROOT/$node/postmaster.pid" ]; then
    local postmaster; postmaster="$(head -1 "$ROOT/$node/postmaster.pid")"
    pids="$pids $postmaster $(descendants "$postmaster")"
  fi
  # shellcheck disable=SC2086
  kill -9 $pids 2>/dev/null || true
  rm -f "$ROOT/$node.pid"
  echo "$node"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill-primary) kill_primary ;;
  connection) connection ;;
  destroy) stop; rm -rf "$ROOT" ;;
  *) echo "usage: $0 start|stop|status|kill-primary|connection|destroy" >&2; exit 2 ;;
esac
