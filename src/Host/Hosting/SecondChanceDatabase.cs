using Npgsql;
using SecondChance.Integrity.Hosting;

namespace SecondChance.Host.Hosting;

/// <summary>
/// Where the data lives: ConnectionStrings:SecondChance, or else a private local PostgreSQL cluster that this
/// process starts on first use and stops at shutdown.
/// </summary>
public sealed class SecondChanceDatabase(IConfiguration configuration, ILogger<SecondChanceDatabase> logger) : IAsyncDisposable
{
    public const string DatabaseName = "secondchance";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalPostgres? _local;
    private string? _connectionString;

    public async Task<string> ConnectionStringAsync(CancellationToken ct = default)
    {
        if (_connectionString is not null) return _connectionString;
        await _gate.WaitAsync(ct);
        try
        {
            return _connectionString ??= await ResolveAsync(ct);
        }
        finally { _gate.Release(); }
    }

    private async Task<string> ResolveAsync(CancellationToken ct)
    {
        var configured = configuration.GetConnectionString("SecondChance");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var root = LocalPostgres.DefaultRoot("dev");
            _local = await LocalPostgres.StartAsync(root, ct: ct);
            if (_local.StartedHere)
                logger.LogInformation("No ConnectionStrings:SecondChance configured; started the local PostgreSQL cluster in {Folder}, to stop when this process ends", root);
            else
                logger.LogInformation("No ConnectionStrings:SecondChance configured; using the local PostgreSQL cluster already running in {Folder}", root);
            configured = await EnsureDatabaseAsync(_local.ConnectionString, ct);
        }
        // append statements are large; preparing them once per connection matters
        return new NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    private static async Task<string> EnsureDatabaseAsync(string admin, CancellationToken ct)
    {
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", conn);
            exists.Parameters.Add(new() { Value = DatabaseName });
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"create database \"{DatabaseName}\"", conn);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is null) return;
        await _local.DisposeAsync();
        _local = null;
    }
}
