using FluentAssertions;
using Npgsql;
using SecondChance.Integrity.Schema;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private string _connectionString = "";
    private NpgsqlDataSource _dataSource = null!;

    private static readonly IReadOnlyList<Migration> Steps =
    [
        new(2, "a column", "alter table {schema}.things add column note text"),
        new(1, "a table", "create table {schema}.things (id int primary key)"),
    ];

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("migrator");
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_connectionString);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var cmd = _dataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Pending_steps_run_in_version_order_into_the_schema_and_are_recorded()
    {
        var applied = await SchemaMigrator.MigrateAsync(_dataSource, "app", [("things", Steps)]);

        applied.Should().Equal("things 1: a table", "things 2: a column");
        (await CountAsync("select count(*) from information_schema.columns where table_schema = 'app' and table_name = 'things'")).Should().Be(2);
        (await CountAsync("select count(*) from app.schema_migrations where module = 'things'")).Should().Be(2);
    }

    [Fact]
    public async Task Running_again_applies_only_the_new_step()
    {
        await SchemaMigrator.MigrateAsync(_dataSource, "app", [("things", Steps)]);

        (await SchemaMigrator.MigrateAsync(_dataSource, "app", [("things", Steps)])).Should().BeEmpty();
        (await SchemaMigrator.MigrateAsync(_dataSource, "app", [("things", [.. Steps, new(3, "an index", "create index on {schema}.things (note)")])]))
            .Should().Equal("things 3: an index");
    }

    [Fact]
    public async Task A_failing_step_leaves_nothing_of_the_run_behind()
    {
        var act = () => SchemaMigrator.MigrateAsync(_dataSource, "app", [("things", [.. Steps, new(3, "broken", "select * from {schema}.missing")])]);

        await act.Should().ThrowAsync<PostgresException>();
        (await CountAsync("select count(*) from information_schema.schemata where schema_name = 'app'")).Should().Be(0);
    }

    [Fact]
    public async Task A_schema_name_that_is_not_a_lower_case_identifier_is_refused_before_anything_runs()
    {
        var act = () => SchemaMigrator.MigrateAsync(_dataSource, "App; drop", [("things", Steps)]);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("lower-case SQL identifier");
        (await CountAsync("select count(*) from information_schema.schemata where schema_name ilike 'app%'")).Should().Be(0);
    }
}
