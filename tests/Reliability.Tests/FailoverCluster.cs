using System.Diagnostics;
using Npgsql;

namespace SecondChance.Reliability.Tests;

/// <summary>The pg_auto_failover cluster of scripts/failover-cluster.sh (already started), driven through that script.</summary>
internal static class FailoverCluster
{
    /// <summary>A new empty database on the cluster, and a multi-host connection string to it that follows the primary.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = (await ScriptAsync("connection")).Trim();
        var name = $"failover_{Guid.NewGuid():N}";
        await ExecuteAsync(cluster, $"create database \"{name}\"");
        return new NpgsqlConnectionStringBuilder(cluster) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(connectionString, $"drop database if exists \"{name}\" with (force)");
    }

    /// <summary>SIGKILLs the primary's postgres and its keeper; returns the killed node's name.</summary>
    public static async Task<string> KillPrimaryAsync() => (await ScriptAsync("kill-primary")).Trim();

    /// <summary>How far the standby's replay trails the primary now, per the primary's pg_stat_replication.</summary>
    public static async Task<double> ReplayLagMsAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select coalesce(max(extract(epoch from replay_lag) * 1000), 0)::float8 from pg_stat_replication", conn);
        return (double)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScriptAsync(string verb)
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "SecondChance.sln"))) repo = repo.Parent!;
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(repo.FullName, "scripts/failover-cluster.sh"));
        psi.ArgumentList.Add(verb);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"failover-cluster.sh {verb} exited {p.ExitCode}: {await error}{await output}");
        return await output;
    }
}
