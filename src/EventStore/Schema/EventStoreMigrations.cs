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
        new(3, "tamper evidence: a SHA-256 chain per stream, backfilled for existing events", """
            -- one field: its UTF-8 length, a colon, the text, a semicolon; null is a dash. No two inputs collide.
            create function {schema}.hash_field(p text) returns text language sql immutable parallel safe as
            $fn$ select case when p is null then '-;' else octet_length(p)::text || ':' || p || ';' end $fn$;

            create function {schema}.event_hash_input(
                p_id uuid, p_stream_id text, p_version bigint, p_type text, p_data jsonb, p_timestamp timestamptz,
                p_tenant text, p_correlation_id uuid, p_causation_id uuid, p_actor text, p_headers jsonb)
            returns bytea language sql immutable parallel safe as $fn$
                select convert_to(
                    {schema}.hash_field(p_id::text) || {schema}.hash_field(p_stream_id) || {schema}.hash_field(p_version::text) ||
                    {schema}.hash_field(p_type) || {schema}.hash_field(p_data::text) ||
                    {schema}.hash_field(((extract(epoch from p_timestamp) * 1000000)::bigint)::text) ||
                    {schema}.hash_field(p_tenant) || {schema}.hash_field(p_correlation_id::text) ||
                    {schema}.hash_field(p_causation_id::text) || {schema}.hash_field(p_actor) || {schema}.hash_field(p_headers::text),
                    'UTF8')
            $fn$;

            -- the hashes of consecutive events appended together, each chained to the one before
            create function {schema}.event_hashes(
                p_previous bytea, p_ids uuid[], p_stream_id text, p_first_version bigint, p_types text[], p_data jsonb[],
                p_timestamp timestamptz, p_tenant text, p_correlation_id uuid, p_causation_id uuid, p_actor text, p_headers jsonb)
            returns bytea[] language plpgsql immutable parallel safe as $fn$
            declare
                h bytea := coalesce(p_previous, ''::bytea);
                result bytea[] := '{}';
            begin
                for i in 1 .. cardinality(p_ids) loop
                    h := sha256({schema}.event_hash_input(p_ids[i], p_stream_id, p_first_version + i, p_types[i], p_data[i],
                                 p_timestamp, p_tenant, p_correlation_id, p_causation_id, p_actor, p_headers) || h);
                    result := result || h;
                end loop;
                return result;
            end
            $fn$;

            alter table {schema}.events add column hash bytea;
            alter table {schema}.streams add column head_hash bytea;

            do $do$
            declare
                r record;
                h bytea;
                current_stream text := null;
            begin
                for r in select * from {schema}.events order by stream_id, version loop
                    if current_stream is distinct from r.stream_id then
                        if current_stream is not null then
                            update {schema}.streams set head_hash = h where id = current_stream;
                        end if;
                        current_stream := r.stream_id;
                        h := ''::bytea;
                    end if;
                    h := sha256({schema}.event_hash_input(r.id, r.stream_id, r.version, r.type, r.data, r.timestamp,
                                 r.tenant_id, r.correlation_id, r.causation_id, r.actor, r.headers) || h);
                    update {schema}.events set hash = h where seq_id = r.seq_id;
                end loop;
                if current_stream is not null then
                    update {schema}.streams set head_hash = h where id = current_stream;
                end if;
            end
            $do$;

            alter table {schema}.events alter column hash set not null;
            """),
        new(4, "a key per data subject, destroyed on erasure", """
            create table {schema}.subject_keys (
                subject_id      uuid        primary key,
                key             bytea,
                created_at      timestamptz not null default now(),
                erased_at       timestamptz,
                erased_by       text,
                erasure_reason  text,
                constraint subject_keys_erased_has_no_key check (erased_at is null or key is null)
            );
            """),
        new(5, "event_hashes without nested function calls: the same bytes, several times faster", """
            create or replace function {schema}.event_hashes(
                p_previous bytea, p_ids uuid[], p_stream_id text, p_first_version bigint, p_types text[], p_data jsonb[],
                p_timestamp timestamptz, p_tenant text, p_correlation_id uuid, p_causation_id uuid, p_actor text, p_headers jsonb)
            returns bytea[] language plpgsql immutable parallel safe as $fn$
            declare
                h bytea := coalesce(p_previous, ''::bytea);
                result bytea[] := '{}';
                stream text := coalesce(octet_length(p_stream_id)::text || ':' || p_stream_id || ';', '-;');
                micros text := ((extract(epoch from p_timestamp) * 1000000)::bigint)::text;
                correlation text := p_correlation_id::text;
                causation text := p_causation_id::text;
                headers text := p_headers::text;
                tail text;
                id text;
                version text;
                data text;
            begin
                -- each field as event_hash_input encodes it: UTF-8 length, ':', text, ';' (null is '-;')
                tail := coalesce(octet_length(micros)::text || ':' || micros || ';', '-;') || coalesce(octet_length(p_tenant)::text || ':' || p_tenant || ';', '-;')
                     || coalesce(octet_length(correlation)::text || ':' || correlation || ';', '-;') || coalesce(octet_length(causation)::text || ':' || causation || ';', '-;')
                     || coalesce(octet_length(p_actor)::text || ':' || p_actor || ';', '-;') || coalesce(octet_length(headers)::text || ':' || headers || ';', '-;');
                for i in 1 .. cardinality(p_ids) loop
                    id := p_ids[i]::text;
                    version := (p_first_version + i)::text;
                    data := p_data[i]::text;
                    h := sha256(convert_to(coalesce(octet_length(id)::text || ':' || id || ';', '-;') || stream || coalesce(octet_length(version)::text || ':' || version || ';', '-;')
                                || coalesce(octet_length(p_types[i])::text || ':' || p_types[i] || ';', '-;') || coalesce(octet_length(data)::text || ':' || data || ';', '-;') || tail, 'UTF8') || h);
                    result := result || h;
                end loop;
                return result;
            end
            $fn$;
            """),
        new(6, "hash format 2: the client hashes the content, the append links it with version, time and predecessor", """
            -- events stored before this migration keep their format 1 hashes; every event stored after it is format 2
            alter table {schema}.events add column hash_format smallint not null default 1;
            alter table {schema}.events alter column hash_format set default 2;
            alter table {schema}.events add constraint events_hash_format_known check (hash_format in (1, 2));

            -- the links of consecutive events appended together: each is
            -- sha256(content || int8send(version) || timestamptz_send(timestamp) || previous)
            create function {schema}.chain_hashes(p_previous bytea, p_contents bytea[], p_first_version bigint, p_timestamp timestamptz)
            returns bytea[] language plpgsql immutable parallel safe as $fn$
            declare
                h bytea := coalesce(p_previous, ''::bytea);
                ts bytea := timestamptz_send(p_timestamp);
                result bytea[] := '{}';
            begin
                for i in 1 .. cardinality(p_contents) loop
                    h := sha256(p_contents[i] || int8send(p_first_version + i) || ts || h);
                    result := result || h;
                end loop;
                return result;
            end
            $fn$;
            """),
        new(7, "an append writes one row: the stream's version, time and head come from its newest event", """
            -- The (stream_id, version) key is the concurrency guard; a stream row written on every append doubled the
            -- work of the commonest write. The registry keeps what an append does not change; the streams view adds
            -- the version, last update and head hash from each stream's newest event (one index probe a stream).
            alter table {schema}.streams rename to stream_registry;
            alter index {schema}.streams_pkey rename to stream_registry_pkey;
            alter table {schema}.stream_registry drop column version, drop column timestamp, drop column head_hash;

            create view {schema}.streams as
            select r.id, r.type, coalesce(h.version, 0::bigint) as version, coalesce(h.timestamp, r.created) as timestamp,
                   r.created, r.tenant_id, r.is_archived, h.hash as head_hash
              from {schema}.stream_registry r
              left join lateral (
                select e.version, e.timestamp, e.hash from {schema}.events e
                 where e.stream_id = r.id order by e.version desc limit 1) h on true;
            """),
    ];
}
