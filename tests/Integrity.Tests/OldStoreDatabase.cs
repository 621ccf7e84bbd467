using Marten;
using Npgsql;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;
using SecondChance.EventStore;
using SecondChance.EventStore.Privacy;
using SecondChance.EventStore.Schema;
using SecondChance.Testing;
using OldCheckpoints = SecondChance.EventStore.Audit.AuditCheckpoints;
using OldCheckpoint = SecondChance.EventStore.Audit.AuditCheckpoint;

namespace SecondChance.Integrity.Tests;

/// <summary>
/// A database the old store wrote: events from before its hash migration (format 1), then the old code's own appends
/// (format 2) with metadata, several event types and versions, two streams in one append, an encrypted personal field.
/// </summary>
public sealed class OldStoreDatabase : IAsyncDisposable
{
    public static readonly Guid Inmate = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid Other = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static readonly Guid Correlation = Guid.Parse("16fd2706-8baf-433b-82eb-8c7fada847da");
    public static readonly Guid Causation = Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    public const string OldStream = "inmate-from-before-hashes";
    public const long EventCount = 9;

    private OldStoreDatabase(string connectionString, PgEventStore store)
    {
        ConnectionString = connectionString;
        OldStore = store;
        DataSource = store.DataSource;
    }

    public string ConnectionString { get; }
    public PgEventStore OldStore { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<OldStoreDatabase> CreateAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("move");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(dataSource, "sc", [("event_store", EventStoreMigrations.All.Take(2).ToList())]);
        await using (var cmd = dataSource.CreateCommand($$"""
            insert into sc.streams (id, type, version, timestamp, created) values ('{{OldStream}}', 'inmate', 2, now(), now());
            insert into sc.events (id, stream_id, version, data, type, timestamp, actor) values
              (gen_random_uuid(), '{{OldStream}}', 1, '{"inmateId": "{{Other}}", "reason": "fight", "authorisedBy": "dsp", "startedAt": "2025-01-02T08:00:00+00:00"}',
               'segregation_started.v1', '2025-01-02 08:00:00.123456+00', 'warden'),
              (gen_random_uuid(), '{{OldStream}}', 2, '{"inmateId": "{{Other}}", "reason": "calm", "authorisedBy": "dsp", "endedAt": "2025-01-05T08:00:00+00:00"}',
               'segregation_ended.v1', '2025-01-05 08:00:00+00', null);
            """))
            await cmd.ExecuteNonQueryAsync();

        var registry = new EventTypeRegistry();
        foreach (var (type, alias) in DomainEventTypes.All)
            registry.Register(type, alias, type == typeof(InmateAdmitted)
                ? new PersonalDataSpec(nameof(InmateAdmitted.InmateId), [nameof(InmateAdmitted.FullName), nameof(InmateAdmitted.Cnic)])
                : null);
        var store = new PgEventStore(dataSource, registry, new EventStoreOptions { ConnectionString = connectionString });
        await store.MigrateAsync();

        var who = new EventMetadata
        {
            Actor = "instructor", CorrelationId = Correlation, CausationId = Causation,
            Headers = new Dictionary<string, string> { ["Client"] = "desk ✓", ["note"] = "ünïcode" },
        };
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await store.AppendAsync(
        [
            new StreamAppend(StreamIds.Inmate(Inmate), "inmate", ExpectedVersion.NoStream,
            [
                NewEvent.For(new InmateAdmitted(Inmate, Guid.NewGuid(), "LHR-0042", "Shazia Bibi", "42101-1234567-8", Sex.Female,
                    new DateOnly(1990, 4, 1), LegalStatus.Remand, "Sessions Court", at, true)),
                NewEvent.For(TestEvents.Segregation(Inmate, 1)),
            ], who),
            new StreamAppend(StreamIds.WageAccount(Inmate), "wage_account", ExpectedVersion.NoStream,
                [NewEvent.For(Credit(1_250, at))], who with { Headers = null }),
        ]);
        await store.AppendAsync(new StreamAppend(StreamIds.WageAccount(Inmate), "wage_account", ExpectedVersion.Exactly(1),
            [NewEvent.For(Credit(300, at.AddDays(1))), NewEvent.For(Credit(45, at.AddDays(2)))]));
        await store.AppendAsync(new StreamAppend(StreamIds.Inmate(Inmate), "inmate", ExpectedVersion.Exactly(2),
            [NewEvent.For(TestEvents.Segregation(Inmate, 2))], new EventMetadata { Actor = "deputy" }));
        await store.AppendAsync(new StreamAppend(OldStream, "inmate", ExpectedVersion.Exactly(2),
            [NewEvent.For(TestEvents.Segregation(Other, 3))]));
        return new OldStoreDatabase(connectionString, store);
    }

    private static WageCredited Credit(long amount, DateTimeOffset at) =>
        new(Inmate, Guid.NewGuid(), WageKind.Wage, amount, amount / 2, amount - amount / 2, 0, "PKR", "kitchen", at);

    /// <summary>The old store's checkpoint once every event is visible (another test's open transaction can hold that back).</summary>
    public async Task<OldCheckpoint> OldCheckpointAsync()
    {
        var checkpoints = new OldCheckpoints(OldStore);
        for (var wait = 0; ; wait++)
        {
            var checkpoint = await checkpoints.TakeAsync(TimeProvider.System);
            if (checkpoint.Events == EventCount || wait > 1500) return checkpoint;
            await Task.Delay(20);
        }
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
