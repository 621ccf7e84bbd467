using Npgsql;

namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// The connections of whoever asks: the database of the tenant the current work runs in (<see cref="TenantScope"/>),
/// with the few members of <see cref="NpgsqlDataSource"/> the queries use. A fixed data source converts to one that
/// always answers with it (tests, tools that work on one database).
/// </summary>
public sealed class TenantDataSource(Func<NpgsqlDataSource> current)
{
    public NpgsqlDataSource Current => current();

    public string ConnectionString => Current.ConnectionString;

    public NpgsqlCommand CreateCommand(string? commandText = null) => Current.CreateCommand(commandText);

    public NpgsqlBatch CreateBatch() => Current.CreateBatch();

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default) => Current.OpenConnectionAsync(ct);

    public static implicit operator TenantDataSource(NpgsqlDataSource fixedSource) => new(() => fixedSource);
}
