#!/usr/bin/env bash
# Where the hash chain's time goes per event (docs/benchmarks.md, "What the chain costs an event"). SCRATCH DATABASE ONLY:
# it empties the event tables and swaps the link trigger's function for cut-down ones, then puts the real one back.
# Usage: PGHOST=… PGPORT=… PGUSER=… PGPASSWORD=… PGDATABASE=<a database the Host migrated> bash bench/sql/chain-cost.sh
set -euo pipefail
cd "$(dirname "$0")"
q() { psql -q -v ON_ERROR_STOP=1 "$@"; }
real=$(mktemp)
q -Atc "select pg_get_functiondef('sc_events.sc_link_event'::regproc)" > "$real"
trap 'q -f "$real"; q -c "alter table sc_events.mt_events enable trigger sc_link_event"; rm -f "$real"' EXIT
variant() {
  q -c "create or replace function sc_events.sc_link_event() returns trigger language plpgsql set enable_seqscan = off as \$fn\$
        declare previous bytea := ''::bytea; link bytea; begin $1 return null; end \$fn\$;"
}
run() { for i in 1 2 3; do q -Af chain-rows.sql | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; done | sort -n | head -1; }
q -c "alter table sc_events.mt_events disable trigger sc_link_event"
echo "no trigger:          $(run) ms"
q -c "alter table sc_events.mt_events enable trigger sc_link_event"
variant ""
echo "empty trigger:       $(run) ms"
variant "if new.version > 1 then select h.hash into previous from sc_events.sc_event_hashes h where h.stream_id = new.stream_id and h.version = new.version - 1; end if;"
echo "predecessor lookup:  $(run) ms"
variant "insert into sc_events.sc_event_hashes (seq_id, stream_id, version, hash, hash_format, transaction_id) values (new.seq_id, new.stream_id, new.version, '\\x00'::bytea, 2, pg_current_xact_id());"
echo "link row insert:     $(run) ms"
variant "link := sha256(sha256(convert_to(new.id::text || new.stream_id || new.type || new.data::text, 'UTF8')) || int8send(new.version) || timestamptz_send(new.timestamp) || previous);"
echo "two sha256:          $(run) ms"
q -f "$real"
echo "the real trigger:    $(run) ms"
