using System.Text.RegularExpressions;
using Npgsql;

namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// The provinces a deployment serves, in a table of the home database (<c>sc_tenancy.tenants</c>): adding a row is
/// how a province joins without a restart. Ours rather than Marten's master table because Marten's master-table
/// tenancy has no default tenant, and the home database must stay a tenant: it is the whole of a one-province
/// deployment, and it keeps the users, their grants and the personal-data keys of every province.
/// </summary>
public sealed partial class TenantRegistry(NpgsqlDataSource home)
{
    public const string Table = "sc_tenancy.tenants";

    /// <summary>Refusal: a user named a province that is not in the registry.</summary>
    public const string UnknownCode = "tenant_unknown";

    /// <summary>Refusal: a province could not be added (bad id, name or database).</summary>
    public const string InvalidCode = "tenant_invalid";

    [GeneratedRegex("^[a-z][a-z0-9-]{1,30}$")]
    private static partial Regex IdPattern();

    /// <summary>Why <paramref name="id"/> cannot name a tenant, or null when it can.</summary>
    public static string? Invalid(string? id) => id is not null && IdPattern().IsMatch(id)
        ? null
        : "A tenant id is 2 to 31 lower-case letters, digits or '-', starting with a letter.";

    private const string Columns = "tenant_id, name, connection_string, added_at, disabled_at, disabled_reason";

    private volatile bool _ensured;

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        await using var cmd = home.CreateCommand($"""
            create schema if not exists sc_tenancy;
            create table if not exists {Table} (
                tenant_id text primary key, name text not null, connection_string text not null,
                added_at timestamptz not null default now());
            alter table {Table} add column if not exists disabled_at timestamptz, add column if not exists disabled_reason text;
            """);
        await cmd.ExecuteNonQueryAsync(ct);
        _ensured = true;
    }

    public async Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct = default)
    {
        if (!await ExistsAsync(ct)) return [];
        await using var cmd = home.CreateCommand($"select {Columns} from {Table} order by tenant_id");
        return await ReadAsync(cmd, ct);
    }

    public async Task<TenantRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!await ExistsAsync(ct)) return null;
        await using var cmd = home.CreateCommand($"select {Columns} from {Table} where tenant_id = $1");
        cmd.Parameters.Add(new() { Value = id });
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>Records a province (or moves an existing one to another connection string).</summary>
    public async Task AddAsync(string id, string name, string connectionString, CancellationToken ct = default)
    {
        if (Invalid(id) is { } reason) throw new ArgumentException(reason, nameof(id));
        await EnsureOnceAsync(ct);
        await using var cmd = home.CreateCommand($"""
            insert into {Table} (tenant_id, name, connection_string) values ($1, $2, $3)
            on conflict (tenant_id) do update set name = excluded.name, connection_string = excluded.connection_string
            """);
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = connectionString });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Records that a province is disabled (<paramref name="at"/> and why) or, with null, enabled again.
    /// </summary>
    public async Task SetDisabledAsync(string id, DateTimeOffset? at, string? reason, CancellationToken ct = default)
    {
        await EnsureOnceAsync(ct);
        await using var cmd = home.CreateCommand($"update {Table} set disabled_at = $2, disabled_reason = $3 where tenant_id = $1");
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = (object?)at ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Forgets a province (its database is left as it is).</summary>
    public async Task RemoveAsync(string id, CancellationToken ct = default)
    {
        await EnsureOnceAsync(ct);
        await using var cmd = home.CreateCommand($"delete from {Table} where tenant_id = $1");
        cmd.Parameters.Add(new() { Value = id });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task EnsureOnceAsync(CancellationToken ct)
    {
        if (!_ensured) await EnsureAsync(ct);
    }

    /// <summary>
    /// Whether the registry exists (asked of the database until this process has seen it, then known); a registry made
    /// by an older version gets its newer columns first.
    /// </summary>
    private async Task<bool> ExistsAsync(CancellationToken ct)
    {
        if (_ensured) return true;
        await using var cmd = home.CreateCommand($"select to_regclass('{Table}') is not null");
        if (await cmd.ExecuteScalarAsync(ct) is not true) return false;
        await EnsureAsync(ct);
        return true;
    }

    private static async Task<IReadOnlyList<TenantRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<TenantRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new TenantRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return list;
    }
}
