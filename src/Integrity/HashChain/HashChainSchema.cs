using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// The per-stream SHA-256 chain on Marten's events table: a sidecar table of links and an AFTER INSERT row trigger
/// that writes each event's link in the append's own transaction. A row trigger fires for Marten's quick-append
/// function, for several events in one statement (in row order, so each finds its predecessor's link) and for
/// COPY bulk inserts. An event whose predecessor has no link aborts the append.
/// <para>Registered as a storage feature rather than as extended schema objects because Marten creates those
/// before its event tables, and the trigger needs <c>mt_events</c> to exist.</para>
/// <para>The link is <see cref="ChainHash"/> format 2, computed wholly by the database from the stored row:
/// <c>sha256(content ‖ int8send(version) ‖ timestamptz_send(timestamp) ‖ previous)</c>.</para>
/// </summary>
public sealed class HashChainSchema(StoreOptions options) : FeatureSchemaBase("SecondChanceHashChain", options.Advanced.Migrator)
{
    public const string LinksTable = "sc_event_hashes";
    public const string LinkFunction = "sc_link_event";
    public const string LinkTrigger = "sc_link_event";

    /// <summary>
    /// Links moved from the old store, waiting for their events: the link, its format and the transaction that first
    /// appended the event. Read by the trigger only in a session that set <see cref="MovingSetting"/>, and then only
    /// as a claim the trigger checks by recomputing the link from the row.
    /// </summary>
    public const string CarriedLinksTable = "sc_event_hashes_carried";

    /// <summary>The session setting (<c>-c sc.moving=on</c>) under which the trigger looks for carried links.</summary>
    public const string MovingSetting = "sc.moving";

    /// <summary>Marten's stream for tombstones of failed appends: not history, so not chained.</summary>
    public const string TombstoneStream = "mt_tombstone";

    private string SchemaName => options.Events.DatabaseSchemaName;

    private PostgresqlObjectName Name(string name) => new(SchemaName, name, SchemaUtils.IdentifierUsage.General);

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var links = new Table(Name(LinksTable));
        links.AddColumn<long>("seq_id").AsPrimaryKey();
        links.AddColumn<string>("stream_id").NotNull();
        links.AddColumn<long>("version").NotNull();
        links.AddColumn("hash", "bytea").NotNull();
        links.AddColumn("hash_format", "smallint").NotNull();
        // the appending transaction, so a checkpoint can take only what every reader can already see
        links.AddColumn("transaction_id", "xid8").NotNull().DefaultValueByExpression("pg_current_xact_id()");
        links.Indexes.Add(new IndexDefinition($"{LinksTable}_stream_version") { Columns = ["stream_id", "version"], IsUnique = true });
        yield return links;

        var carried = new Table(Name(CarriedLinksTable));
        carried.AddColumn<long>("seq_id").AsPrimaryKey();
        carried.AddColumn("hash", "bytea").NotNull();
        carried.AddColumn("hash_format", "smallint").NotNull();
        carried.AddColumn("transaction_id", "xid8").NotNull();
        yield return carried;

        yield return new Function(new PostgresqlObjectName(SchemaName, LinkFunction, SchemaUtils.IdentifierUsage.Function), FunctionSql());

        yield return new Trigger(Name(LinkTrigger), Name("mt_events"),
            $"{SchemaName}.{LinkFunction}()")
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Insert,
            ForEachRow = true,
            Condition = $"NEW.stream_id <> '{TombstoneStream}'",
        };
    }

    // A carried link (only under sc.moving) sets the format (1 for the old store's oldest events) and the original
    // transaction, never the hash: the link is always recomputed from the row and must equal the carried one, so a
    // session that sets the flag can mark history as moved but cannot plant a link that does not match its event.
    //
    // enable_seqscan = off for the function's own statements: the predecessor lookup must use the (stream_id, version)
    // index whatever the statistics say. Analysed while the store was young (a page of links), the planner prefers a
    // scan, and inside one large import no analyze can see the rows being added, so every event scanned every link
    // before it: 30,000 events took 27 s instead of 1 s (docs/benchmarks.md, "The link lookup's plan").
    private string FunctionSql() => $$"""
        CREATE OR REPLACE FUNCTION {{SchemaName}}.{{LinkFunction}}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
        DECLARE
            previous bytea := ''::bytea;
            link bytea;
            link_format smallint := 2;
            carried_hash bytea;
            carried_format smallint;
            carried_transaction xid8;
            id text := NEW.id::text;
            data text := NEW.data::text;
            headers text := NEW.headers::text;
            f_id text := coalesce(octet_length(id)::text || ':' || id || ';', '-;');
            f_stream text := coalesce(octet_length(NEW.stream_id)::text || ':' || NEW.stream_id || ';', '-;');
            f_type text := coalesce(octet_length(NEW.type)::text || ':' || NEW.type || ';', '-;');
            f_data text := coalesce(octet_length(data)::text || ':' || data || ';', '-;');
            f_tail text := coalesce(octet_length(NEW.tenant_id)::text || ':' || NEW.tenant_id || ';', '-;')
                || coalesce(octet_length(NEW.correlation_id)::text || ':' || NEW.correlation_id || ';', '-;')
                || coalesce(octet_length(NEW.causation_id)::text || ':' || NEW.causation_id || ';', '-;')
                || coalesce(octet_length(NEW.user_name)::text || ':' || NEW.user_name || ';', '-;')
                || coalesce(octet_length(headers)::text || ':' || headers || ';', '-;');
            v text;
            micros text;
        BEGIN
            IF current_setting('{{MovingSetting}}', true) = 'on' THEN
                DELETE FROM {{SchemaName}}.{{CarriedLinksTable}} c WHERE c.seq_id = NEW.seq_id
                RETURNING c.hash, c.hash_format, c.transaction_id INTO carried_hash, carried_format, carried_transaction;
                IF carried_hash IS NOT NULL THEN
                    link_format := carried_format;
                    IF carried_transaction >= pg_current_xact_id() THEN
                        RAISE EXCEPTION 'hash chain: the carried link of stream % version % names a transaction that is not in the past',
                            NEW.stream_id, NEW.version USING ERRCODE = 'SC002';
                    END IF;
                END IF;
            END IF;
            IF NEW.version > 1 THEN
                SELECT h.hash INTO previous FROM {{SchemaName}}.{{LinksTable}} h
                 WHERE h.stream_id = NEW.stream_id AND h.version = NEW.version - 1;
                IF previous IS NULL THEN
                    RAISE EXCEPTION 'hash chain: stream % has no link at version %, so version % cannot be appended',
                        NEW.stream_id, NEW.version - 1, NEW.version USING ERRCODE = 'SC001';
                END IF;
            END IF;
            IF link_format = 2 THEN
                link := sha256(sha256(convert_to(f_id || f_stream || f_type || f_data || f_tail, 'UTF8'))
                               || int8send(NEW.version) || timestamptz_send(NEW.timestamp) || previous);
            ELSIF link_format = 1 THEN
                v := NEW.version::text;
                micros := ((extract(epoch from NEW.timestamp) * 1000000)::bigint)::text;
                link := sha256(convert_to(f_id || f_stream || octet_length(v)::text || ':' || v || ';' || f_type || f_data
                               || octet_length(micros)::text || ':' || micros || ';' || f_tail, 'UTF8') || previous);
            ELSE
                RAISE EXCEPTION 'hash chain: unknown hash format % for stream % version %', link_format, NEW.stream_id, NEW.version
                    USING ERRCODE = 'SC002';
            END IF;
            IF carried_hash IS NOT NULL AND carried_hash <> link THEN
                RAISE EXCEPTION 'hash chain: stream % version % as moved does not have the link it had in the old store',
                    NEW.stream_id, NEW.version USING ERRCODE = 'SC002';
            END IF;
            INSERT INTO {{SchemaName}}.{{LinksTable}} (seq_id, stream_id, version, hash, hash_format, transaction_id)
            VALUES (NEW.seq_id, NEW.stream_id, NEW.version, link, link_format, coalesce(carried_transaction, pg_current_xact_id()));
            RETURN NULL;
        END
        $fn$;
        """;
}
