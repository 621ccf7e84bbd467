using Npgsql;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>A fresh database holding a small seeded demo, for running the Host's verbs as processes against it.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["ConnectionStrings__SecondChance"] = ConnectionString };

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("cli");
        await HostProcess.RunVerbAsync(ConnectionString, "", "seed-demo", "--inmates", "2");
    }

    public Task<HostProcess.VerbRun> RunAsync(params string[] args) => HostProcess.RunAsync(Environment, args);

    public async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await QueryAsync(sql));

    public async Task<string> TextAsync(string sql) => (string)(await QueryAsync(sql))!;

    public Task ExecuteAsync(string sql) => QueryAsync(sql);

    private async Task<object?> QueryAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}
