using FluentAssertions;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class ConnectionSettingsTests
{
    public sealed class BulkProbe
    {
        public string Id { get; set; } = "";
        public int Number { get; set; }
    }

    private static NpgsqlConnectionStringBuilder MartensConnection(string connectionString)
    {
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.ConfigureSecondChanceEvents();
        });
        using var connection = ((PostgresqlDatabase)store.Storage.Database).CreateConnection();
        return new NpgsqlConnectionStringBuilder(connection.ConnectionString);
    }

    [Fact]
    public void Martens_connections_prepare_statements_automatically_and_are_still_reset_when_returned_to_the_pool()
    {
        var connection = MartensConnection("Host=127.0.0.1;Database=unused");

        connection.MaxAutoPrepare.Should().Be(32);
        connection.AutoPrepareMinUsages.Should().Be(2);
        connection.NoResetOnClose.Should().BeFalse();
    }

    [Fact]
    public void An_explicit_max_auto_prepare_in_the_connection_string_is_kept() =>
        MartensConnection("Host=127.0.0.1;Database=unused;Max Auto Prepare=7").MaxAutoPrepare.Should().Be(7);

    [Fact]
    public async Task Document_bulk_inserts_through_a_temporary_table_work_again_on_a_pooled_connection()
    {
        // the reason No Reset On Close stays off: Marten leaves this temporary table for the pool's reset to drop
        await using var db = await TestStore.CreateAsync(configure: o => o.Schema.For<BulkProbe>());

        for (var n = 0; n < 4; n++)
            await db.Store.BulkInsertDocumentsAsync(new[] { new BulkProbe { Id = $"probe-{n}", Number = n } }, BulkInsertMode.OverwriteExisting);

        await using var session = db.Store.QuerySession();
        (await session.Query<BulkProbe>().CountAsync()).Should().Be(4);
    }
}
