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

    /// <summary>Returns once some session of this database waits on a lock (another transaction's row or key).</summary>
    public async Task WaitForALockWaitAsync(string failure)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await ScalarAsync("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") > 0)
                return;
            await Task.Delay(10);
        }
        throw new TimeoutException(failure);
    }
}
