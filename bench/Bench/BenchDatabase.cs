using Npgsql;
using SecondChance.Integrity.Hosting;

namespace SecondChance.Bench;

public sealed record BenchEvent(string Name, long AmountMinor, string Note);

/// <summary>A fresh database on a durable PostgreSQL (SECONDCHANCE_BENCH_CONNECTION, or a private local cluster).</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;
    public NpgsqlDataSource DataSource { get; }
    public string ConnectionString { get; }
    public string ServerVersion { get; private set; } = "";

    /// <summary>An existing database named by SECONDCHANCE_BENCH_DATABASE (kept by an earlier run), not a fresh one; it is kept.</summary>
    public bool Reused { get; private init; }

    private BenchDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
        DataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
    }

    /// <param name="profile">A cluster of its own that loads pg_stat_statements and tracks PL/pgSQL function times
    /// (<see cref="MartenProfile"/>); measured runs never use it, since the tracking costs time.</param>
    public static async Task<BenchDatabase> CreateAsync(bool profile = false)
    {
        var admin = Environment.GetEnvironmentVariable("SECONDCHANCE_BENCH_CONNECTION");
        if (profile)
            admin = (await LocalPostgres.StartAsync(LocalPostgres.DefaultRoot("bench-profile"), new Dictionary<string, string>
            {
                ["shared_preload_libraries"] = "pg_stat_statements", ["pg_stat_statements.track"] = "all", ["track_functions"] = "pl",
            })).ConnectionString;
        else if (string.IsNullOrWhiteSpace(admin))
            admin = (await LocalPostgres.StartAsync(LocalPostgres.DefaultRoot("bench"))).ConnectionString;
        var reuse = Environment.GetEnvironmentVariable("SECONDCHANCE_BENCH_DATABASE");
        var name = string.IsNullOrWhiteSpace(reuse) ? $"bench_{Guid.NewGuid():N}" : reuse;
        if (string.IsNullOrWhiteSpace(reuse))
        {
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var db = new BenchDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 64, MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString)
        {
            Reused = !string.IsNullOrWhiteSpace(reuse),
        };
        await using var v = db.DataSource.CreateCommand("show server_version");
        db.ServerVersion = (string)(await v.ExecuteScalarAsync())!;
        return db;
    }

    public async Task ExecAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (Reused || Environment.GetEnvironmentVariable("SECONDCHANCE_BENCH_KEEP") == "1")
        {
            // kept for looking into afterwards (psql, EXPLAIN); dropped by hand
            Console.WriteLine($"kept the bench database {_name}");
            return;
        }
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop database if exists {_name} with (force)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
