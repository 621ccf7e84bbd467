using Npgsql;

namespace SecondChance.Projections.ReadModels;

/// <summary>The connection, transaction and target schema one batch is applied in.</summary>
public sealed class ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>Schema of the tables being written: the live one, or the shadow one during a rebuild.</summary>
    public string Schema { get; } = schema;

    public NpgsqlCommand Command(string sql, params object?[] args)
    {
        var cmd = new NpgsqlCommand(sql.Replace("{schema}", Schema, StringComparison.Ordinal), Connection, Transaction);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }

    public async Task ReadAsync(string sql, Action<NpgsqlDataReader> row, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) row(r);
    }

    public async Task<int> ExecAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
