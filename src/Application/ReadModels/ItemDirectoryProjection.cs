using SecondChance.Domain.Items;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

public sealed class ItemDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private readonly string _table = $"{options.Schema}.item_directory";

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch b)
    {
        foreach (var stored in events)
        {
            var v = stored.Version;
            switch (stored.Data)
            {
                case ItemProduced e:
                    b.Add($"""
                        insert into {_table} (item_id, facility_id, programme_id, description, craft, status, currency, produced_at, version)
                        values ($1, $2, $3, $4, $5, 'Produced', $6, $7, $8)
                        """, e.ItemId, e.FacilityId, e.ProgrammeId, e.Description, e.Craft.ToString(), e.Currency, e.ProducedAt, v);
                    break;
                case ItemListed e:
                    b.Add($"update {_table} set status = 'Listed', price_minor = $2, currency = $3, version = $4 where item_id = $1",
                        e.ItemId, e.PriceMinor, e.Currency, v);
                    break;
                case ItemSold e:
                    b.Add($"update {_table} set status = 'Sold', price_minor = $2, sale_id = $3, version = $4 where item_id = $1",
                        e.ItemId, e.PriceMinor, e.SaleId, v);
                    break;
                case ItemWithdrawn e: Status(b, e.ItemId, "Withdrawn", v); break;
                case ItemReturned e: Status(b, e.ItemId, "Returned", v); break;
                case Domain.Orders.ItemAllocatedToOrder e: Status(b, e.ItemId, "OnOrder", v); break;
                case Domain.Orders.ItemReleasedFromOrder e: Status(b, e.ItemId, "Produced", v); break;
                case ItemShown e: Status(b, e.ItemId, null, v); break;
                case SaleProceedsDistributed e: Status(b, e.ItemId, null, v); break;
            }
        }
    }

    private void Status(SqlBatch b, Guid itemId, string? status, long version) =>
        b.Add($"update {_table} set status = coalesce($2, status), version = $3 where item_id = $1", itemId, status, version);
}
