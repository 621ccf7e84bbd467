using SecondChance.Integrity.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace SecondChance.Projections.ReadModels.Catalogue;

public sealed class CatalogueQueries(TenantDataSource dataSource, string schema)
{
    /// <summary>Items listed and not yet sold, withdrawn or returned, newest first.</summary>
    public async Task<IReadOnlyList<CatalogueItem>> AvailableAsync(Guid? facilityId = null, string? craft = null, int limit = 100, int offset = 0,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select i.item_id, i.description, i.craft, i.programme_id, coalesce(p.name, ''), i.facility_id, coalesce(f.name, ''), i.price, i.currency,
                   i.listed_at, array(select m.full_name from {schema}.makers m where m.inmate_id = any(i.makers) and m.consent order by m.full_name)
              from {schema}.items i
              left join {schema}.programmes p on p.programme_id = i.programme_id
              left join {schema}.facilities f on f.facility_id = i.facility_id
             where i.status = 'listed' and ($1::uuid is null or i.facility_id = $1) and ($2::text is null or i.craft = $2)
             order by i.listed_at desc, i.item_id limit $3 offset $4
            """);
        cmd.Parameters.Add(new() { Value = (object?)facilityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new() { Value = (object?)craft ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 500) });
        cmd.Parameters.Add(new() { Value = Math.Max(0, offset) });
        var list = new List<CatalogueItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new CatalogueItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetGuid(3), r.GetString(4), r.GetGuid(5), r.GetString(6),
                r.GetInt64(7), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), r.GetFieldValue<string[]>(10)));
        return list;
    }
}
