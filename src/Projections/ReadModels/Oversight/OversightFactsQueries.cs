using SecondChance.Integrity.Tenancy;
using System.Text.Json;
using Npgsql;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;

namespace SecondChance.Projections.ReadModels.Oversight;

public sealed class OversightFactsQueries(TenantDataSource dataSource, string schema)
{
    /// <summary>The facts of every inmate who was ever admitted to, housed at or held at the facility.</summary>
    public async Task<IReadOnlyList<InmateComplianceFacts>> FacilityAsync(Guid facilityId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select facts::text from {schema}.inmate_facts where facilities @> array[$1]::uuid[]");
        cmd.Parameters.Add(new() { Value = facilityId });
        var list = new List<InmateComplianceFacts>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(JsonSerializer.Deserialize<InmateComplianceFacts>(r.GetString(0), OversightFactsProjection.Json)!);
        return list;
    }

    public async Task<InmateComplianceFacts?> InmateAsync(Guid inmateId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select facts::text from {schema}.inmate_facts where inmate_id = $1");
        cmd.Parameters.Add(new() { Value = inmateId });
        return await cmd.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<InmateComplianceFacts>(json, OversightFactsProjection.Json) : null;
    }

    public async Task<IReadOnlyDictionary<Guid, FacilityState>> FacilitiesAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select facility_id, state::text from {schema}.facility_states");
        var map = new Dictionary<Guid, FacilityState>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) map[r.GetGuid(0)] = JsonSerializer.Deserialize<FacilityState>(r.GetString(1), OversightFactsProjection.Json)!;
        return map;
    }
}
