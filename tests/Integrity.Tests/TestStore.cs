using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using SecondChance.Integrity.Privacy;
using SecondChance.Testing;

namespace SecondChance.Integrity.Tests;

/// <summary>A Marten store set up as SecondChance sets it up, on a database of its own that is dropped afterwards.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string connectionString, DocumentStore store, NpgsqlDataSource dataSource, SubjectKeyring keyring)
    {
        ConnectionString = connectionString;
        Store = store;
        DataSource = dataSource;
        Keyring = keyring;
    }

    public string ConnectionString { get; }
    public DocumentStore Store { get; }
    public NpgsqlDataSource DataSource { get; }
    public SubjectKeyring Keyring { get; }

    public static async Task<TestStore> CreateAsync(ILogger? logger = null, Action<StoreOptions>? configure = null)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("integrity");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var keyring = new SubjectKeyring(dataSource);
        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.ConfigureSecondChanceEvents(logger, keyring);
            configure?.Invoke(options);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new TestStore(connectionString, store, dataSource, keyring);
    }

    public async Task AppendAsync(string streamId, params object[] events)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(streamId, events);
        await session.SaveChangesAsync();
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql.Replace("{schema}", MartenSetup.Schema));
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql.Replace("{schema}", MartenSetup.Schema));
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await DataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
