using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Partners;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Market;

/// <summary>
/// Every sale with its channel, partner and local month, for market-access figures; a returned sale stays but no longer
/// counts. A sale's facility is its item's, kept from <see cref="ItemProduced"/>.
/// </summary>
public sealed class MarketProjection : IProjection
{
    public string Name => "market";
    public int Version => 1;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "sales by channel, partner and month", FacilityCalendar.Table + """
            create table {schema}.items (item_id uuid primary key, facility_id uuid not null);
            create table {schema}.partners (partner_id uuid primary key, name text not null);
            create table {schema}.sales (sale_id uuid primary key, item_id uuid not null, facility_id uuid not null, month date not null,
                channel text not null, partner_id uuid, price_minor bigint not null, currency text not null, returned boolean not null default false);
            create index sales_by_facility on {schema}.sales (facility_id, month);
            """),
    ];

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var calendar = await FacilityCalendar.LoadAsync(ctx, ct);
        var facilities = new Dictionary<Guid, Guid>();
        var batch = new StatementBatch(ctx);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case FacilityRegistered f:
                    calendar.Registered(f);
                    batch.Add("insert into {schema}.facility_zones values ($1, $2) on conflict (facility_id) do update set time_zone = excluded.time_zone",
                        f.FacilityId, f.TimeZoneId);
                    break;
                case ItemProduced p:
                    facilities[p.ItemId] = p.FacilityId;
                    batch.Add("insert into {schema}.items values ($1, $2) on conflict (item_id) do nothing", p.ItemId, p.FacilityId);
                    break;
                case PartnerRegistered p:
                    batch.Add("insert into {schema}.partners values ($1, $2) on conflict (partner_id) do update set name = excluded.name",
                        p.PartnerId, p.Name);
                    break;
                case ItemSold s:
                    var facility = facilities.TryGetValue(s.ItemId, out var known) ? known : await FacilityOfAsync(ctx, batch, s.ItemId, ct);
                    batch.Add("""
                        insert into {schema}.sales (sale_id, item_id, facility_id, month, channel, partner_id, price_minor, currency)
                        values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (sale_id) do nothing
                        """, s.SaleId, s.ItemId, facility, calendar.Month(facility, s.SoldAt), s.Channel.ToString(), s.PartnerId, s.PriceMinor, s.Currency);
                    break;
                case ItemReturned r:
                    batch.Add("update {schema}.sales set returned = true where sale_id = $1", r.SaleId);
                    break;
            }
        }
        await batch.FlushAsync(ct);
    }

    private static async Task<Guid> FacilityOfAsync(ProjectionContext ctx, StatementBatch batch, Guid itemId, CancellationToken ct)
    {
        await batch.FlushAsync(ct);
        Guid facility = default;
        await ctx.ReadAsync("select facility_id from {schema}.items where item_id = $1", r => facility = r.GetGuid(0), ct, itemId);
        return facility;
    }
}
