using SecondChance.Integrity.Tenancy;
using Npgsql;

namespace SecondChance.Projections.ReadModels.Market;

public sealed record ChannelFigure(string Channel, string Currency, int Sales, long ProceedsMinor);

public sealed record PartnerFigure(Guid PartnerId, string Name, string Currency, int Sales, long ProceedsMinor);

public sealed record MonthlyChannelFigure(string Month, string Channel, string Currency, int Sales, long ProceedsMinor);

public sealed record FacilityMarketFigure(Guid FacilityId, string Currency, int Sales, long ProceedsMinor, int PartnerSales);

/// <summary>Market access: sales not returned, by channel, by partner, by month and channel, and per facility.</summary>
public sealed record MarketAccessView(
    IReadOnlyList<ChannelFigure> ByChannel, IReadOnlyList<PartnerFigure> ByPartner, IReadOnlyList<MonthlyChannelFigure> ByMonth,
    IReadOnlyList<FacilityMarketFigure> ByFacility);

public sealed class MarketQueries(TenantDataSource dataSource, string schema)
{
    /// <param name="facilities">The facilities to count: one, or every one the reader may read (null: all).</param>
    public async Task<MarketAccessView> GetAsync(IReadOnlyCollection<Guid>? facilities, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var where = $"from {schema}.sales s where not s.returned and s.month >= $2 and s.month <= $3 and ($1::uuid[] is null or s.facility_id = any($1))";
        await using var batch = dataSource.CreateBatch();
        Add(batch, $"select s.channel, s.currency, count(*)::int, sum(s.price_minor)::bigint {where} group by 1, 2 order by 4 desc, 1", facilities, from, to);
        Add(batch, $"""
            select s.partner_id, coalesce(p.name, ''), s.currency, count(*)::int, sum(s.price_minor)::bigint
            {where.Replace($"from {schema}.sales s", $"from {schema}.sales s left join {schema}.partners p on p.partner_id = s.partner_id")}
              and s.partner_id is not null
            group by 1, 2, 3 order by 5 desc, 2
            """, facilities, from, to);
        Add(batch, $"select to_char(s.month, 'YYYY-MM'), s.channel, s.currency, count(*)::int, sum(s.price_minor)::bigint {where} group by 1, 2, 3 order by 1, 2",
            facilities, from, to);
        Add(batch, $"""
            select s.facility_id, s.currency, count(*)::int, sum(s.price_minor)::bigint, (count(*) filter (where s.partner_id is not null))::int
            {where} group by 1, 2 order by 1
            """, facilities, from, to);
        await using var r = await batch.ExecuteReaderAsync(ct);
        var byChannel = new List<ChannelFigure>();
        while (await r.ReadAsync(ct)) byChannel.Add(new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3)));
        await r.NextResultAsync(ct);
        var byPartner = new List<PartnerFigure>();
        while (await r.ReadAsync(ct)) byPartner.Add(new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4)));
        await r.NextResultAsync(ct);
        var byMonth = new List<MonthlyChannelFigure>();
        while (await r.ReadAsync(ct)) byMonth.Add(new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4)));
        await r.NextResultAsync(ct);
        var byFacility = new List<FacilityMarketFigure>();
        while (await r.ReadAsync(ct)) byFacility.Add(new(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt32(4)));
        return new MarketAccessView(byChannel, byPartner, byMonth, byFacility);
    }

    private static void Add(NpgsqlBatch batch, string sql, IReadOnlyCollection<Guid>? facilities, DateOnly from, DateOnly to) =>
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new() { Value = (object?)facilities?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid },
                new() { Value = new DateOnly(from.Year, from.Month, 1) },
                new() { Value = to },
            },
        });
}
