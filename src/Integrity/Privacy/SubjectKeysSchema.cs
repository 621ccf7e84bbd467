using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace SecondChance.Integrity.Privacy;

/// <summary>
/// One row per data subject: their AES-256 key, or, once erased, no key and who erased it, when and why. The row of an
/// erased subject stays so an erased person is never given a fresh key by a later append.
/// </summary>
public sealed class SubjectKeysSchema(StoreOptions options) : FeatureSchemaBase("SecondChanceSubjectKeys", options.Advanced.Migrator)
{
    public const string Table = "sc_subject_keys";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var keys = new Table(new PostgresqlObjectName(options.Events.DatabaseSchemaName, Table, SchemaUtils.IdentifierUsage.General));
        keys.AddColumn<Guid>("subject_id").AsPrimaryKey();
        keys.AddColumn("key", "bytea");
        keys.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        keys.AddColumn("erased_at", "timestamptz");
        keys.AddColumn<string>("erased_by");
        keys.AddColumn<string>("erasure_reason");
        yield return keys;
    }
}
