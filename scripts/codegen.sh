#!/usr/bin/env bash
# Writes Wolverine's generated handler code into src/Host/Internal/Generated (run after adding a use case or changing a
# handler's signature or middleware); the Host loads it instead of compiling at start-up. With --check, fails when
# what is committed differs from what would be written.
set -euo pipefail
cd "$(dirname "$0")/.."
dll=src/Host/bin/Release/net10.0/SecondChance.Host.dll
build=true; for a in "$@"; do [ "$a" = "--no-build" ] && build=false; done
# stale generated code may not even compile against changed handlers: build without it, generate, build with it
rm -rf src/Host/Internal/Generated
if $build; then dotnet build src/Host -c Release -nologo -v q >/dev/null; fi
(cd src/Host && Wolverine__CodeGeneration=Dynamic dotnet "../../$dll" codegen write >/dev/null)
if $build; then dotnet build src/Host -c Release -nologo -v q >/dev/null; fi
if [ "${1:-}" = "--check" ]; then
  if [ -n "$(git status --porcelain -- src/Host/Internal/Generated)" ]; then
    git status --short -- src/Host/Internal/Generated | head -20 >&2
    echo "Wolverine's generated handler code is stale: run bash scripts/codegen.sh and commit src/Host/Internal/Generated" >&2
    exit 1
  fi
fi
