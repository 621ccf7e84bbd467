using System.Text.Json;
using JasperFx.Events;
using SecondChance.Integrity.Events;

namespace SecondChance.Projections.OnMarten;

/// <summary>Marten's events as the read models take them: Position is Marten's sequence; no read model uses TransactionId.</summary>
public static class StoredEvents
{
    public static StoredEvent From(IEvent e) => new(
        e.Sequence, 0, e.Id, e.StreamKey ?? e.StreamId.ToString(), e.Version, e.EventTypeName, e.Data, e.Timestamp,
        e.TenantId, AsGuid(e.CorrelationId), AsGuid(e.CausationId), e.UserName, Headers(e.Headers));

    public static IReadOnlyList<StoredEvent> From(IReadOnlyList<IEvent> events)
    {
        var list = new List<StoredEvent>(events.Count);
        foreach (var e in events) list.Add(From(e));
        return list;
    }

    private static Guid? AsGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;

    private static IReadOnlyDictionary<string, string> Headers(Dictionary<string, object>? headers)
    {
        if (headers is null || headers.Count == 0) return new Dictionary<string, string>();
        var map = new Dictionary<string, string>(headers.Count);
        foreach (var (key, value) in headers)
            map[key] = value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } j => j.GetString()!,
                JsonElement j => j.GetRawText(),
                null => "",
                _ => value.ToString() ?? "",
            };
        return map;
    }
}
