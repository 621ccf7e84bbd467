using SecondChance.Integrity.Events;

namespace SecondChance.Host.Security;

/// <summary>Which facility and programme a write lands in, from the read-your-writes directories.</summary>
public sealed class ScopeLookup(MartenEventLog store)
{
    public Task<(Guid? Facility, Guid? Programme)> InmateAsync(Guid id, CancellationToken ct) =>
        FindAsync($"select facility_id, null::uuid from {store.Schema}.inmate_directory where inmate_id = $1", id, ct);

    public Task<(Guid? Facility, Guid? Programme)> ProgrammeAsync(Guid id, CancellationToken ct) =>
        FindAsync($"select facility_id, programme_id from {store.Schema}.programme_directory where programme_id = $1", id, ct);

    public Task<(Guid? Facility, Guid? Programme)> ItemAsync(Guid id, CancellationToken ct) =>
        FindAsync($"select facility_id, programme_id from {store.Schema}.item_directory where item_id = $1", id, ct);

    public Task<(Guid? Facility, Guid? Programme)> OrderAsync(Guid id, CancellationToken ct) =>
        FindAsync($"select facility_id, programme_id from {store.Schema}.order_directory where order_id = $1", id, ct);

    /// <summary>The facility and programme of each inmate, programme, item, order and facility the request's route addresses.</summary>
    public async Task<List<(Guid? Facility, Guid? Programme)>> RouteTargetsAsync(HttpContext http)
    {
        var route = http.Request.RouteValues;
        var ct = http.RequestAborted;
        var targets = new List<(Guid?, Guid?)>();
        if (RouteGuid(route, "inmateId") is { } inmate) targets.Add(await InmateAsync(inmate, ct));
        if (RouteGuid(route, "programmeId") is { } programme) targets.Add(await ProgrammeAsync(programme, ct));
        if (RouteGuid(route, "itemId") is { } item) targets.Add(await ItemAsync(item, ct));
        if (RouteGuid(route, "orderId") is { } order) targets.Add(await OrderAsync(order, ct));
        if (RouteGuid(route, "facilityId") is { } facility) targets.Add((facility, null));
        return targets;
    }

    private static Guid? RouteGuid(RouteValueDictionary route, string name) =>
        route.TryGetValue(name, out var v) && Guid.TryParse(v?.ToString(), out var g) ? g : null;

    private async Task<(Guid?, Guid?)> FindAsync(string sql, Guid id, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand(sql);
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (null, null);
        return (r.IsDBNull(0) ? null : r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1));
    }
}
