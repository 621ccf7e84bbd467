using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
    public async Task A_rebuilder_holds_every_key_made_elsewhere_before_marten_reads_so_no_key_is_fetched_one_by_one()
    {
        // keys another process made (another node, or this database before this process started)
        var elsewhere = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await new SubjectKeyring(dataSource).EnsureKeysAsync(elsewhere);
        // a fresh process's ring, as the rebuild verb has (the Host's own is refreshed on a timer)
        var keyring = new SubjectKeyring(dataSource);
        var services = fixture.Factory.Services;
        var rebuilds = ActivatorUtilities.CreateInstance<ReadModelRebuilds>(services, keyring);
        elsewhere.Should().OnlyContain(s => !keyring.Holds(s));

        await rebuilds.RebuilderAsync();

        elsewhere.Should().OnlyContain(s => keyring.Holds(s));
    }
}
