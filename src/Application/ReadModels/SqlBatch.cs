using Npgsql;

namespace SecondChance.Application.ReadModels;

/// <summary>Collects a projection's statements for one append and sends them in one round trip.</summary>
internal sealed class SqlBatch
{
    private readonly List<NpgsqlBatchCommand> _commands = [];

    public void Add(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        // timestamptz parameters must be UTC; events keep the offset the recorder gave
        foreach (var v in values)
            cmd.Parameters.Add(new NpgsqlParameter { Value = v is DateTimeOffset at ? at.ToUniversalTime() : v ?? DBNull.Value });
        _commands.Add(cmd);
    }

    public async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        if (_commands.Count == 0) return;
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var c in _commands) batch.BatchCommands.Add(c);
        await batch.ExecuteNonQueryAsync(ct);
    }
}
