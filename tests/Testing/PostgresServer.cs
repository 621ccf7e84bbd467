using Npgsql;
using SecondChance.Integrity.Hosting;

namespace SecondChance.Testing;

/// <summary>
/// One PostgreSQL server for the whole test process: SECONDCHANCE_TEST_CONNECTION when set, otherwise a private
/// local cluster (fsync off: test data is disposable). Each fixture gets its own database on it.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static LocalPostgres? _local;

    public static Task<string> AdminConnectionStringAsync() => Server.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SECONDCHANCE_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        _local = await LocalPostgres.StartAsync(LocalPostgres.DefaultRoot("test"), new Dictionary<string, string>
        {
            ["fsync"] = "off", ["synchronous_commit"] = "off", ["full_page_writes"] = "off",
        });
        // leave the shared cluster running for the other test processes; the next run reuses it
        return _local.ConnectionString;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(await AdminConnectionStringAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
