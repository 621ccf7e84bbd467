using System.Text.RegularExpressions;
using Npgsql;

namespace SecondChance.Integrity.Schema;

/// <summary>
/// Brings a database up to the newest schema. Safe to run from several processes at once: the steps run in one
/// transaction under an advisory lock, and each applied version is recorded.
/// </summary>
public static partial class SchemaMigrator
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    public static string Qualify(string schema) => SchemaName().IsMatch(schema)
        ? schema
        : throw new ArgumentException($"Schema name '{schema}' must be a lower-case SQL identifier.", nameof(schema));

    /// <summary>Applies the pending migrations of every module; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        NpgsqlDataSource dataSource, string schema, IEnumerable<(string Module, IReadOnlyList<Migration> Steps)> modules,
        CancellationToken ct = default)
    {
        Qualify(schema);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, $"select pg_advisory_xact_lock(hashtext('secondchance.migrate.{schema}'))", ct);
        await Exec(conn, tx, $"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_migrations (
                module text not null, version int not null, description text not null,
                applied_at timestamptz not null default now(), primary key (module, version));
            """, ct);

        var applied = new HashSet<(string, int)>();
        await using (var cmd = new NpgsqlCommand($"select module, version from {schema}.schema_migrations", conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) applied.Add((reader.GetString(0), reader.GetInt32(1)));

        var done = new List<string>();
        foreach (var (module, steps) in modules)
        foreach (var step in steps.OrderBy(s => s.Version))
        {
            if (applied.Contains((module, step.Version))) continue;
            await Exec(conn, tx, step.Sql.Replace("{schema}", schema, StringComparison.Ordinal), ct);
            await using var record = new NpgsqlCommand(
                $"insert into {schema}.schema_migrations (module, version, description) values ($1, $2, $3)", conn, tx);
            record.Parameters.Add(new() { Value = module });
            record.Parameters.Add(new() { Value = step.Version });
            record.Parameters.Add(new() { Value = step.Description });
            await record.ExecuteNonQueryAsync(ct);
            done.Add($"{module} {step.Version}: {step.Description}");
        }
        await tx.CommitAsync(ct);
        return done;
    }

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
