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

    private string FunctionSql() => $$"""
        CREATE OR REPLACE FUNCTION {{SchemaName}}.{{LinkFunction}}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE
            previous bytea := ''::bytea;
            content bytea;
            id text := NEW.id::text;
            data text := NEW.data::text;
            headers text := NEW.headers::text;
        BEGIN
            IF NEW.version > 1 THEN
                SELECT h.hash INTO previous FROM {{SchemaName}}.{{LinksTable}} h
                 WHERE h.stream_id = NEW.stream_id AND h.version = NEW.version - 1;
                IF previous IS NULL THEN
                    RAISE EXCEPTION 'hash chain: stream % has no link at version %, so version % cannot be appended',
                        NEW.stream_id, NEW.version - 1, NEW.version USING ERRCODE = 'SC001';
                END IF;
            END IF;
            content := sha256(convert_to(
                   coalesce(octet_length(id)::text || ':' || id || ';', '-;')
                || coalesce(octet_length(NEW.stream_id)::text || ':' || NEW.stream_id || ';', '-;')
                || coalesce(octet_length(NEW.type)::text || ':' || NEW.type || ';', '-;')
                || coalesce(octet_length(data)::text || ':' || data || ';', '-;')
                || coalesce(octet_length(NEW.tenant_id)::text || ':' || NEW.tenant_id || ';', '-;')
                || coalesce(octet_length(NEW.correlation_id)::text || ':' || NEW.correlation_id || ';', '-;')
                || coalesce(octet_length(NEW.causation_id)::text || ':' || NEW.causation_id || ';', '-;')
                || coalesce(octet_length(NEW.user_name)::text || ':' || NEW.user_name || ';', '-;')
                || coalesce(octet_length(headers)::text || ':' || headers || ';', '-;'), 'UTF8'));
            INSERT INTO {{SchemaName}}.{{LinksTable}} (seq_id, stream_id, version, hash, hash_format)
            VALUES (NEW.seq_id, NEW.stream_id, NEW.version,
                    sha256(content || int8send(NEW.version) || timestamptz_send(NEW.timestamp) || previous), 2);
            RETURN NULL;
        END
        $fn$;
        """;
}
