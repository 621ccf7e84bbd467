using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Hosting;
using SecondChance.Host.Tests.Support;
using SecondChance.Integrity.Privacy;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

public sealed class KeyringTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_rebuild_holds_every_key_made_elsewhere_before_marten_reads_so_no_key_is_fetched_one_by_one()
    {
        var (keyring, elsewhere, rebuilds) = await FreshProcessAsync();
        elsewhere.Should().OnlyContain(s => !keyring.Holds(s));

        await (await rebuilds.RebuilderAsync()).RebuildAsync(["market"]);

        elsewhere.Should().OnlyContain(s => keyring.Holds(s));
    }

    [Fact]
    public async Task A_start_up_with_no_stale_read_model_reads_no_keys_for_a_rebuild()
    {
        var (keyring, elsewhere, rebuilds) = await FreshProcessAsync();

        (await (await rebuilds.RebuilderAsync()).RebuildStaleAsync()).Should().BeEmpty();

        elsewhere.Should().OnlyContain(s => !keyring.Holds(s));
    }

    /// <summary>Keys another process made (another node, or this database before this process started), and a fresh
    /// process's ring, as the rebuild verb has (the Host's own is refreshed on a timer).</summary>
    private async Task<(SubjectKeyring Keyring, Guid[] Elsewhere, ReadModelRebuilds Rebuilds)> FreshProcessAsync()
    {
        var elsewhere = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToArray();
        await new SubjectKeyring(fixture.DataSource).EnsureKeysAsync(elsewhere);
        var keyring = new SubjectKeyring(fixture.DataSource);
        return (keyring, elsewhere, ActivatorUtilities.CreateInstance<ReadModelRebuilds>(fixture.Factory.Services, keyring));
    }
}
