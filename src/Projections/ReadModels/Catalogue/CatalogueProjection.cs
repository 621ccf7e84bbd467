using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Catalogue;

/// <summary>
/// Marketplace catalogue. Consent is applied when the catalogue is read, so a withdrawn consent hides the name at once,
/// including on items listed before.
/// </summary>
public sealed class CatalogueProjection : IProjection
{
    public string Name => "catalogue";
    public int Version => 2; // 2: an item set aside for a partner's order leaves the catalogue

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "marketplace catalogue", """
            create table {schema}.facilities (facility_id uuid primary key, name text not null);
            create table {schema}.programmes (programme_id uuid primary key, name text not null);
            create table {schema}.makers (inmate_id uuid primary key, full_name text not null, consent boolean not null);
            create table {schema}.items (item_id uuid primary key, facility_id uuid not null, programme_id uuid not null, craft text not null,
                description text not null, status text not null, price bigint, currency text not null, listed_at timestamptz,
                makers uuid[] not null);
            create index items_available on {schema}.items (listed_at) where status = 'listed';
            """),
    ];

    private sealed class Item
    {
        public Guid Id, Facility, Programme; public string Craft = "", Description = "", Status = "produced", Currency = "";
        public long? Price; public DateTimeOffset? ListedAt; public Guid[] Makers = [];
    }

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var items = new Dictionary<Guid, Item>();
        var wanted = events.Select(e => e.Data switch
        {
            ItemListed x => x.ItemId, ItemSold x => x.ItemId, ItemWithdrawn x => x.ItemId, ItemReturned x => x.ItemId,
            Domain.Orders.ItemAllocatedToOrder x => x.ItemId, Domain.Orders.ItemReleasedFromOrder x => x.ItemId, _ => Guid.Empty,
        }).Where(g => g != Guid.Empty).Distinct().ToArray();
        if (wanted.Length > 0)
            await ctx.ReadAsync("select item_id, facility_id, programme_id, craft, description, status, price, currency, listed_at, makers from {schema}.items where item_id = any($1)",
                r => items[r.GetGuid(0)] = new Item
                {
                    Id = r.GetGuid(0), Facility = r.GetGuid(1), Programme = r.GetGuid(2), Craft = r.GetString(3), Description = r.GetString(4),
                    Status = r.GetString(5), Price = r.IsDBNull(6) ? null : r.GetInt64(6), Currency = r.GetString(7),
                    ListedAt = r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), Makers = r.GetFieldValue<Guid[]>(9),
                }, ct, wanted);
        var makers = new Dictionary<Guid, (string? Name, bool? Consent)>();
        void Maker(Guid id, string? name, bool? consent)
        {
            var (n, c) = makers.GetValueOrDefault(id);
            makers[id] = (name ?? n, consent ?? c);
        }
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case FacilityRegistered f: await Upsert(ctx, "facilities", "facility_id", f.FacilityId, f.Name, ct); break;
                case ProgrammeOpened p: await Upsert(ctx, "programmes", "programme_id", p.ProgrammeId, p.Name, ct); break;
                case InmateAdmitted a: Maker(a.InmateId, a.FullName, a.ConsentToAttribution); break;
                case AttributionConsentGiven c: Maker(c.InmateId, null, true); break;
                case AttributionConsentWithdrawn c: Maker(c.InmateId, null, false); break;
                case InmateRecordCorrected c when c.Corrections.LastOrDefault(f => f.Field == CorrectableFields.FullName) is { } f:
                    Maker(c.InmateId, f.CorrectedValue, null);
                    break;
                case ItemProduced p:
                    items[p.ItemId] = new Item { Id = p.ItemId, Facility = p.FacilityId, Programme = p.ProgrammeId, Craft = p.Craft.ToString(),
                        Description = p.Description, Currency = p.Currency, Makers = p.Makers.Select(m => m.InmateId).ToArray() };
                    break;
                case ItemListed l when items.GetValueOrDefault(l.ItemId) is { } i: (i.Status, i.Price, i.Currency, i.ListedAt) = ("listed", l.PriceMinor, l.Currency, l.ListedAt); break;
                case ItemSold s when items.GetValueOrDefault(s.ItemId) is { } i: i.Status = "sold"; break;
                case ItemWithdrawn w when items.GetValueOrDefault(w.ItemId) is { } i: i.Status = "withdrawn"; break;
                case ItemReturned r when items.GetValueOrDefault(r.ItemId) is { } i: i.Status = "returned"; break;
                // set aside for a partner's order, it is not for sale; freed, it must be listed again
                case Domain.Orders.ItemAllocatedToOrder a when items.GetValueOrDefault(a.ItemId) is { } i: i.Status = "on_order"; break;
                case Domain.Orders.ItemReleasedFromOrder r when items.GetValueOrDefault(r.ItemId) is { } i: i.Status = "produced"; break;
            }
        }
        if (makers.Count > 0)
        {
            var m = makers.ToList();
            await ctx.ExecAsync("""
                insert into {schema}.makers as t select u.id, coalesce(u.name, ''), coalesce(u.consent, false)
                  from unnest($1::uuid[], $2::text[], $3::boolean[]) u(id, name, consent)
                on conflict (inmate_id) do update set full_name = coalesce(nullif(excluded.full_name, ''), t.full_name),
                    consent = case when $4 @> array[excluded.inmate_id] then excluded.consent else t.consent end
                """, ct, m.Select(x => x.Key).ToArray(), m.Select(x => x.Value.Name).ToArray(), m.Select(x => x.Value.Consent).ToArray(),
                m.Where(x => x.Value.Consent is not null).Select(x => x.Key).ToArray());
        }
        if (items.Count > 0)
        {
            var i = items.Values.ToList();
            await ctx.ExecAsync("""
                insert into {schema}.items select u.id, u.f, u.p, u.c, u.d, u.s, u.price, u.cur, u.at, array(select jsonb_array_elements_text(u.m)::uuid)
                  from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::timestamptz[], $10::jsonb[])
                       u(id, f, p, c, d, s, price, cur, at, m)
                on conflict (item_id) do update set status = excluded.status, price = excluded.price, currency = excluded.currency,
                    listed_at = excluded.listed_at
                """, ct, i.Select(x => x.Id).ToArray(), i.Select(x => x.Facility).ToArray(), i.Select(x => x.Programme).ToArray(),
                i.Select(x => x.Craft).ToArray(), i.Select(x => x.Description).ToArray(), i.Select(x => x.Status).ToArray(),
                i.Select(x => x.Price).ToArray(), i.Select(x => x.Currency).ToArray(), i.Select(x => x.ListedAt?.ToUniversalTime()).ToArray(),
                i.Select(x => System.Text.Json.JsonSerializer.Serialize(x.Makers)).ToArray());
        }
    }

    private static Task Upsert(ProjectionContext ctx, string table, string key, Guid id, string name, CancellationToken ct) =>
        ctx.ExecAsync($"insert into {{schema}}.{table} values ($1, $2) on conflict ({key}) do update set name = excluded.name", ct, id, name);
}
