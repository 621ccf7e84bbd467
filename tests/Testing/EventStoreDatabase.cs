using Npgsql;
using SecondChance.Integrity.Events;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;
using Xunit;

namespace SecondChance.Testing;

/// <summary>
/// Class fixture: a fresh, migrated database per test class, so test classes run in parallel without trampling each
/// other. Call <see cref="ResetAsync"/> at the start of each test to empty every table.
/// </summary>
public class EventStoreDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public const string Schema = "sc";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("sc_test");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    private readonly List<Marten.DocumentStore> _stores = [];

    /// <summary>The application's event log on Marten, as the Host sets it up, with its schema applied.</summary>
    public async Task<MartenEventLog> CreateLogAsync(IEnumerable<IInlineProjection>? inline = null)
    {
        var keyring = new SubjectKeyring(DataSource);
        var store = Marten.DocumentStore.For(options =>
        {
            options.Connection(ConnectionString);
            options.ConfigureSecondChanceEvents(keyring: keyring);
        });
        _stores.Add(store);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new MartenEventLog(store, DataSource, keyring, Schema, inline);
    }

    /// <summary>
    /// Empties every table in the database except the record of applied migrations and the data-protection key ring (a
    /// running Host keeps its keys in memory; a second Host on the database must find them). Projection checkpoints are moved
    /// back to the start rather than deleted, so a projection daemon running in a Host under test notices and follows.
    /// </summary>
    public Task ResetAsync() => TruncateAllAsync(null);

    /// <param name="thenSql">Statements run in the same transaction as the truncation, so nothing running beside the
    /// test sees the tables empty without them.</param>
    protected async Task TruncateAllAsync(string? thenSql)
    {
        await using var cmd = DataSource.CreateCommand("""
            do $$ declare t text; begin
              select string_agg(format('%I.%I', schemaname, tablename), ', ') into t from pg_tables
               where schemaname not in ('pg_catalog', 'information_schema') and tablename not in ('schema_migrations', 'data_protection_keys');
              if t is not null then execute 'truncate ' || t || ' restart identity cascade'; end if;
            end $$;
            """ + (thenSql ?? ""));
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return (await cmd.ExecuteScalarAsync()) as string;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        await DataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
