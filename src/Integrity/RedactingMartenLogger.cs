using System.Diagnostics;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SecondChance.Integrity;

/// <summary>
/// Marten's command log without parameter values. Marten's default logger writes a failed command with every
/// parameter, which for an append is the event's JSON: names, identity numbers, health notes. Here a command is
/// logged by its SQL and its parameters' names and types only.
/// </summary>
public sealed class RedactingMartenLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    private long _started;

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten schema change: {Sql}", sql);

    public void OnBeforeExecute(NpgsqlCommand command) => _started = Stopwatch.GetTimestamp();

    public void OnBeforeExecute(NpgsqlBatch batch) => _started = Stopwatch.GetTimestamp();

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Marten command in {Milliseconds} ms: {Sql} ({Parameters})", Elapsed(), command.CommandText,
                Describe(command.Parameters));
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var elapsed = Elapsed();
        foreach (var command in batch.BatchCommands)
            logger.LogDebug("Marten batch command in {Milliseconds} ms: {Sql} ({Parameters})", elapsed, command.CommandText,
                Describe(command.Parameters));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) =>
        logger.LogError(Redacted(ex), "Marten command failed: {Sql} ({Parameters})", command.CommandText, Describe(command.Parameters));

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        foreach (var command in batch.BatchCommands)
            logger.LogError(Redacted(ex), "Marten batch command failed: {Sql} ({Parameters})", command.CommandText,
                Describe(command.Parameters));
    }

    public void LogFailure(Exception ex, string message) => logger.LogError(Redacted(ex), "{Message}", message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Marten saved changes: {Inserted} inserted, {Updated} updated, {Deleted} deleted",
                commit.Inserted.Count(), commit.Updated.Count(), commit.Deleted.Count());
    }

    private double Elapsed() => Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    /// <summary>Names and types only: the values are the data this logger exists to keep out of logs.</summary>
    private static string Describe(System.Data.Common.DbParameterCollection parameters) =>
        string.Join(", ", parameters.OfType<NpgsqlParameter>().Select(p => $"{p.ParameterName}: {p.NpgsqlDbType}"));

    /// <summary>
    /// The exception's type and PostgreSQL's primary message, which names the constraint or condition, never the
    /// message of a wrapper or the error's detail: those can quote the row's values. The exception itself still
    /// reaches the caller.
    /// </summary>
    private static RedactedException Redacted(Exception ex) =>
        new($"{ex.GetType().FullName}{(Find<PostgresException>(ex) is { } pg ? $" (SQLSTATE {pg.SqlState}: {pg.MessageText})" : "")}");

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is T found) return found;
        return null;
    }

    private sealed class RedactedException(string message) : Exception(message);
}
