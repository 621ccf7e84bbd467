-- Scratch databases only (docs/benchmarks.md, "The link lookup's plan"). -- :n streams of 10 events, one transaction, the rows Marten's bulk import writes
begin;
insert into sc_events.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
select :'tag' || '-' || s, 'facility', 10, now(), now(), '*DEFAULT*', false from generate_series(1, :n) s;
insert into sc_events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
select nextval('sc_events.mt_events_sequence'), gen_random_uuid(), :'tag' || '-' || s, v, '{"a":1}', 'facility_registered.v1', now(), '*DEFAULT*', 'X', false
  from generate_series(1, :n) s, generate_series(1, 10) v order by s, v;
commit;
