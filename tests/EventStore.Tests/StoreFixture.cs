using SecondChance.Testing;

namespace SecondChance.EventStore.Tests;

public sealed class StoreFixture : EventStoreDatabase
{
    public PgEventStore Store { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Store = CreateStore(TestTypes.Registry(), maxEventDataBytes: 4096);
        await Store.MigrateAsync();
    }

    public Task<long> EventCount() => ScalarAsync("select count(*) from sc.events");
    public Task<long> StreamCount() => ScalarAsync("select count(*) from sc.streams");
}
