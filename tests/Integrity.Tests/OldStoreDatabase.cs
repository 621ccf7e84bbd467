using Marten;
using Npgsql;
using SecondChance.Integrity.HashChain;
using SecondChance.Testing;

namespace SecondChance.Integrity.Tests;

/// <summary>
/// A database the old store wrote: events from before its hash migration (format 1), then the old code's own appends
/// (format 2) with metadata, several event types and versions, two streams in one append, an encrypted personal field.
/// The old code is deleted; its tables and rows are stored as SQL in Fixtures.
/// </summary>
public sealed class OldStoreDatabase : IAsyncDisposable
{
    public static readonly Guid Inmate = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid Other = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static readonly Guid Correlation = Guid.Parse("16fd2706-8baf-433b-82eb-8c7fada847da");
    public static readonly Guid Causation = Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    public const string OldStream = "inmate-from-before-hashes";
    public const long EventCount = 9;

    private OldStoreDatabase(string connectionString, NpgsqlDataSource dataSource)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>The old checkpoint file the old code wrote on this database (taken at <see cref="CheckpointTakenAt"/>).</summary>
    public static byte[] OldCheckpointFile() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "old-store-checkpoint.json"));

    public static readonly DateTimeOffset CheckpointTakenAt = new(2026, 11, 28, 10, 20, 42, 330, TimeSpan.Zero);

    /// <summary>
    /// Loads Fixtures/old-store.sql: the sc schema as the old store's code left it (pg_dump of commit c5139d3's
    /// OldStoreDatabase, its writing transactions renumbered to 101..105 so every cluster has passed them).
    /// </summary>
    public static async Task<OldStoreDatabase> CreateAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("move");
        await RunScriptAsync(connectionString, Fixture("old-store.sql"));
        return new OldStoreDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
    }

    /// <summary>The old store's checkpoint the old code took before the move (from its checkpoint file).</summary>
    public Task<AuditCheckpoint> OldCheckpointAsync() =>
        Task.FromResult(CheckpointFile.Read(() => new MemoryStream(OldCheckpointFile())).Checkpoint);

    /// <summary>One more event the old code appended to the inmate's stream (version 4), as it wrote it.</summary>
    public Task AppendLateOldEventAsync() => RunScriptAsync(ConnectionString, Fixture("old-store-late-append.sql"));

    private static async Task RunScriptAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public DocumentStore Marten() => DocumentStore.For(o =>
    {
        o.Connection(ConnectionString);
        o.ConfigureSecondChanceEvents();
    });

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
