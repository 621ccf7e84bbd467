namespace SecondChance.EventStore.Schema;

/// <summary>
/// The event store's schema as an ordered list of migrations. Never edit a released migration: add one.
/// Column names follow Marten's mt_events / mt_streams so an operator who knows Marten finds their way.
/// </summary>
public static class EventStoreMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "streams and events tables", """
            create table {schema}.streams (
                id               text        primary key,
                type             text        not null,
                version          bigint      not null,
                timestamp        timestamptz not null,
                created          timestamptz not null,
                tenant_id        text        not null default '*DEFAULT*',
                is_archived      boolean     not null default false
            );

            create sequence {schema}.events_sequence as bigint;

            create table {schema}.events (
                seq_id           bigint      not null default nextval('{schema}.events_sequence') primary key,
                id               uuid        not null,
                stream_id        text        not null references {schema}.streams(id),
                version          bigint      not null,
                data             jsonb       not null,
                type             text        not null,
                timestamp        timestamptz not null,
                tenant_id        text        not null default '*DEFAULT*',
                correlation_id   uuid,
                causation_id     uuid,
                actor            text,
                headers          jsonb,
                transaction_id   xid8        not null default pg_current_xact_id(),
                is_archived      boolean     not null default false,
                constraint events_id_unique unique (id),
                constraint events_stream_version_unique unique (stream_id, version)
            );
            alter sequence {schema}.events_sequence owned by {schema}.events.seq_id;

            -- the global log is read in (writing transaction, sequence) order
            create index events_global_order on {schema}.events (transaction_id, seq_id);
            create index events_timestamp on {schema}.events (timestamp);
            """),
        new(2, "append function: version check before any sequence value, idempotent by event id", """
            create function {schema}.append_events(
                p_stream_id text, p_aggregate_type text, p_mode int, p_expected bigint, p_tenant text,
                p_ids uuid[], p_types text[], p_data jsonb[],
                p_correlation_id uuid, p_causation_id uuid, p_actor text, p_headers jsonb)
            returns table (r_version bigint, r_seq_id bigint, r_duplicate boolean)
            language plpgsql as $fn$
            declare
                v_count   int := coalesce(cardinality(p_ids), 0);
                v_version bigint;
                v_last    timestamptz;
                v_now     timestamptz;
                v_stored  int;
            begin
                if v_count = 0 then
                    raise exception using errcode = '22023', message = 'an append needs at least one event';
                end if;

                select s.version, s.timestamp into v_version, v_last
                  from {schema}.streams s where s.id = p_stream_id for update;
                if not found then
                    v_now := clock_timestamp();
                    insert into {schema}.streams as s (id, type, version, timestamp, created, tenant_id)
                    values (p_stream_id, p_aggregate_type, 0, v_now, v_now, p_tenant)
                    on conflict (id) do nothing;
                    select s.version, s.timestamp into v_version, v_last
                      from {schema}.streams s where s.id = p_stream_id for update;
                end if;

                -- a retried append whose events are all stored returns the original positions
                select count(*) into v_stored from {schema}.events e where e.id = any(p_ids);
                if v_stored > 0 then
                    if v_stored = v_count and not exists (
                        select 1 from {schema}.events e where e.id = any(p_ids) and e.stream_id <> p_stream_id) then
                        return query select e.version, e.seq_id, true
                          from {schema}.events e where e.id = any(p_ids) order by e.version;
                        return;
                    end if;
                    raise exception using errcode = 'SC422',
                        message = format('some but not all of the %s event ids are already stored, or they belong to another stream', v_count);
                end if;

                if (p_mode = 1 and v_version <> 0)
                   or (p_mode = 2 and v_version = 0)
                   or (p_mode = 3 and v_version <> p_expected) then
                    raise exception using errcode = 'SC409', hint = v_version::text,
                        message = format('stream %s is at version %s', p_stream_id, v_version);
                end if;

                v_now := greatest(clock_timestamp(), v_last);

                return query
                insert into {schema}.events (id, stream_id, version, data, type, timestamp, tenant_id,
                                             correlation_id, causation_id, actor, headers)
                select u.id, p_stream_id, v_version + u.ord, u.data, u.type, v_now, p_tenant,
                       p_correlation_id, p_causation_id, p_actor, p_headers
                  from unnest(p_ids, p_types, p_data) with ordinality as u(id, type, data, ord)
                 order by u.ord
                returning version, seq_id, false;

                update {schema}.streams set version = v_version + v_count, timestamp = v_now
                 where id = p_stream_id;
            end
            $fn$;
            """),
    ];
}
