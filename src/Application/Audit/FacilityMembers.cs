using SecondChance.Integrity.Events;
using NpgsqlTypes;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;

namespace SecondChance.Application.Audit;

/// <summary>
/// Who and what ever belonged to a facility, read from the event log itself (never a read model), so an audit does not
/// have to trust the projections it checks.
/// </summary>
public sealed class FacilityMembers(MartenEventLog store)
{
    public Task<IReadOnlyList<Guid>> InmatesAsync(Guid facilityId, DateTimeOffset? asOf, CancellationToken ct) => IdsAsync("inmateId",
        [DomainEventTypes.AliasOf(typeof(InmateAdmitted)), DomainEventTypes.AliasOf(typeof(InmateTransferred))], facilityId, asOf, ct);

    public Task<IReadOnlyList<Guid>> ItemsAsync(Guid facilityId, DateTimeOffset? asOf, CancellationToken ct) =>
        IdsAsync("itemId", [DomainEventTypes.AliasOf(typeof(ItemProduced))], facilityId, asOf, ct);

    private async Task<IReadOnlyList<Guid>> IdsAsync(string idField, string[] aliases, Guid facilityId, DateTimeOffset? asOf, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"""
            select distinct (data->>'{idField}')::uuid from {MartenEventLog.EventsTable}
             where type = any($1) and (data->>'facilityId' = $2 or data->>'toFacilityId' = $2) and timestamp <= $3
            """);
        cmd.Parameters.Add(new() { Value = aliases });
        cmd.Parameters.Add(new() { Value = facilityId.ToString("D") });
        cmd.Parameters.Add(new() { Value = asOf ?? DateTimeOffset.MaxValue, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }
}
