-- Scratch databases only (docs/benchmarks.md, "What the chain costs an event"): it EMPTIES the event, link and stream tables,
-- then times 20,000 single-row inserts (2,000 streams of 10, deterministic content) and prints a digest of their links.
truncate sc_events.mt_events, sc_events.sc_event_hashes, sc_events.mt_streams cascade;
insert into sc_events.mt_streams (id, type, version, tenant_id, is_archived) select 'r-' || s, 'x', 10, '*DEFAULT*', false from generate_series(1, 2000) s;
\timing on
do $$ begin
  for s in 1..2000 loop for v in 1..10 loop
    insert into sc_events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, correlation_id, headers)
    values (nextval('sc_events.mt_events_sequence'), md5(s::text || '-' || v)::uuid, 'r-' || s, v, jsonb_build_object('a', s, 'név', 'ü' || v), 't', timestamptz '2026-01-01' + (s * 10 + v) * interval '1 ms', '*DEFAULT*', 'X', false,
            case when v % 2 = 0 then 'corr-' || s end, case when v % 3 = 0 then jsonb_build_object('h', v) end);
  end loop; end loop; end $$;
\timing off
select md5(string_agg(encode(hash,'hex'), '' order by stream_id, version)) from sc_events.sc_event_hashes;
