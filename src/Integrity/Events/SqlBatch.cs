using System.Text.RegularExpressions;
using Marten;
using Npgsql;

namespace SecondChance.Integrity.Events;

/// <summary>
/// A projection's statements for one append, written with PostgreSQL's $n parameters: sent in one round trip on a
/// connection, or queued on a Marten session so they commit with its events.
/// </summary>
public sealed partial class SqlBatch
{
    private readonly List<(string Sql, object?[] Values)> _statements = [];

    public bool IsEmpty => _statements.Count == 0;

    public void Add(string sql, params object?[] values) =>
        // timestamptz parameters must be UTC; events keep the offset the recorder gave
        _statements.Add((sql, values.Select(v => v is DateTimeOffset at ? at.ToUniversalTime() : v).ToArray()));

    public async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        if (IsEmpty) return;
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var (sql, values) in _statements)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
            batch.BatchCommands.Add(cmd);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Queues every statement on the session; they run in the transaction of its next SaveChangesAsync.</summary>
    public void QueueOn(IDocumentOperations session)
    {
        foreach (var (sql, values) in _statements)
        {
            // Marten's queued SQL takes positional placeholders, so each $n becomes one, with its value repeated
            if (sql.Contains(Placeholder)) throw new InvalidOperationException($"A queued statement may not contain '{Placeholder}': {sql}");
            var ordered = new List<object>();
            var text = Parameter().Replace(sql, m =>
            {
                ordered.Add(values[int.Parse(m.Groups[1].Value) - 1] ?? DBNull.Value);
                return Placeholder.ToString();
            });
            session.QueueSqlCommand(Placeholder, text, ordered.ToArray());
        }
    }

    private const char Placeholder = '?';

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Parameter();
}
