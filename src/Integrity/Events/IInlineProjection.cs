using Npgsql;

namespace SecondChance.Integrity.Events;

/// <summary>A read model updated inside the append's own transaction, for readers who must see their own writes.</summary>
public interface IInlineProjection
{
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct);
}
