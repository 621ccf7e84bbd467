#!/usr/bin/env bash
# Installs PostgreSQL's server binaries with apt-get when none are found and no connection string is configured.
set -euo pipefail
if [ -n "${ConnectionStrings__SecondChance:-}" ] || [ -n "${SECONDCHANCE_TEST_CONNECTION:-}" ]; then exit 0; fi
if [ -n "${SECONDCHANCE_PG_BIN:-}" ] && [ -x "${SECONDCHANCE_PG_BIN}/initdb" ]; then exit 0; fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
echo "PostgreSQL binaries not found: installing them with apt-get" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
# the Debian package starts its own cluster; SecondChance runs a private one, so stop the packaged one
$SUDO service postgresql stop >/dev/null 2>&1 || true
