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
                stream_id        text        not null,
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
        new(2, "refusal of an append whose stream was not where the caller expected", """
            -- called only when the append statement matched no stream row: tells a retry from a conflict
            create function {schema}.append_refused(p_stream_id text, p_ids uuid[]) returns bigint
            language plpgsql as $fn$
            declare
                v_stored int;
                v_version bigint;
            begin
                select count(*) into v_stored from {schema}.events where id = any(p_ids) and stream_id = p_stream_id;
                if v_stored = cardinality(p_ids) then
                    raise exception using errcode = 'SC200', message = 'these events are stored already';
                end if;
                select version into v_version from {schema}.streams where id = p_stream_id;
                raise exception using errcode = 'SC409', hint = coalesce(v_version, 0)::text,
                    message = format('stream %s is at version %s', p_stream_id, coalesce(v_version, 0));
            end
            $fn$;
            """),
    ];
}
