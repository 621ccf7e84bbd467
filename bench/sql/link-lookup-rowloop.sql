-- Scratch databases only (docs/benchmarks.md, "The link lookup's plan"): it EMPTIES the event, link and stream tables,
-- then times 20,000 single-row inserts through the chain trigger in one transaction.
truncate sc_events.mt_events, sc_events.sc_event_hashes, sc_events.mt_streams cascade;
insert into sc_events.mt_streams (id, type, version, tenant_id, is_archived) select 'r-' || s, 'x', 10, '*DEFAULT*', false from generate_series(1, 2000) s;
analyze sc_events.mt_streams;
\timing on
do $$ begin
  for s in 1..2000 loop for v in 1..10 loop
    insert into sc_events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
    values (nextval('sc_events.mt_events_sequence'), gen_random_uuid(), 'r-' || s, v, '{"a":1}', 't', now(), '*DEFAULT*', 'X', false);
  end loop; end loop; end $$;
