using Npgsql;

namespace SecondChance.Projections.ReadModels;

/// <summary>
/// Statements a projection writes one per event, sent together in the order they were added: one round trip per
/// <see cref="MaxPerRoundTrip"/> statements instead of one each. They run in the batch's transaction as they would one
/// by one, so the rows are the same; a failing statement fails <see cref="FlushAsync"/>. Reads that must see the
/// queued writes flush first.
/// </summary>
public sealed class StatementBatch(ProjectionContext context)
{
    public const int MaxPerRoundTrip = 500;

    private readonly List<NpgsqlBatchCommand> _queued = [];

    public void Add(string sql, params object?[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql.Replace("{schema}", context.Schema, StringComparison.Ordinal));
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        _queued.Add(cmd);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        for (var from = 0; from < _queued.Count; from += MaxPerRoundTrip)
        {
            await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
            foreach (var cmd in _queued.Skip(from).Take(MaxPerRoundTrip)) batch.BatchCommands.Add(cmd);
            await batch.ExecuteNonQueryAsync(ct);
        }
        _queued.Clear();
    }
}
