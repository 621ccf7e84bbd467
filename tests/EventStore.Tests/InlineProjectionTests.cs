using FluentAssertions;
using Npgsql;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class InlineProjectionTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await db.ExecuteAsync("create table if not exists public.basket_totals (stream_id text primary key, total bigint not null)");
        await db.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Totals(bool fail = false) : IInlineProjection
    {
        public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
        {
            foreach (var e in events)
            {
                if (fail) throw new InvalidOperationException("projection bug");
                if (e.Data is not ItemAdded added) continue;
                await using var cmd = new NpgsqlCommand("""
                    insert into public.basket_totals values ($1, $2)
                    on conflict (stream_id) do update set total = basket_totals.total + excluded.total
                    """, connection, transaction);
                cmd.Parameters.Add(new() { Value = e.StreamId });
                cmd.Parameters.Add(new() { Value = added.PriceMinor });
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private PgEventStore StoreWith(IInlineProjection projection) =>
        new(db.DataSource, TestTypes.Registry(), db.Store.Options, [projection]);

    [Fact]
    public async Task An_inline_projection_sees_the_appended_events_in_the_same_transaction()
    {
        var store = StoreWith(new Totals());
        var append = new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream,
            [NewEvent.For(new ItemAdded("a", 100)), NewEvent.For(new ItemAdded("b", 250))]);
        var result = await store.AppendAsync(append);
        result.Events.Select(e => e.Version).Should().Equal(1, 2);
        (await db.ScalarAsync("select total from public.basket_totals where stream_id = 'basket-1'")).Should().Be(350);

        var retry = await store.AppendAsync(append);
        retry.WasDuplicate.Should().BeTrue();
        (await db.ScalarAsync("select total from public.basket_totals where stream_id = 'basket-1'")).Should().Be(350);
    }

    [Fact]
    public async Task A_failing_inline_projection_rolls_the_append_back()
    {
        var act = () => StoreWith(new Totals(fail: true)).AppendAsync(
            new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 100))]));
        await act.Should().ThrowAsync<InvalidOperationException>();
        (await db.EventCount()).Should().Be(0);
        (await db.StreamCount()).Should().Be(0);
    }
}
