using SecondChance.Domain.Orders;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

/// <summary>Each order and how far it has got: Open, Delivered (every item), Completed (every item paid for) or Cancelled.</summary>
public sealed class OrderDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private readonly string _t = $"{options.Schema}.order_directory";

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch b)
    {
        foreach (var stored in events)
        {
            var v = stored.Version;
            switch (stored.Data)
            {
                case OrderPlaced e:
                    b.Add($"""
                        insert into {_t} (order_id, partner_id, facility_id, programme_id, description, craft, quantity, price_per_item_minor,
                            currency, deliver_by, reference, status, placed_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'Open', $12, $13)
                        """, e.OrderId, e.PartnerId, e.FacilityId, e.ProgrammeId, e.Description, e.Craft.ToString(), e.Quantity,
                        e.PricePerItemMinor, e.Currency, e.DeliverBy, e.Reference, e.PlacedAt, v);
                    break;
                case OrderItemAllocated e:
                    b.Add($"update {_t} set allocated = allocated + 1, version = $2 where order_id = $1", e.OrderId, v);
                    break;
                case OrderDelivered e:
                    b.Add($"""
                        update {_t} set delivered = delivered + $2, version = $3,
                            status = case when delivered + $2 >= quantity then 'Delivered' else status end
                        where order_id = $1
                        """, e.OrderId, e.ItemIds.Count, v);
                    break;
                case OrderPaymentReceived e:
                    b.Add($"""
                        update {_t} set paid = paid + $2, paid_minor = paid_minor + $3, version = $4,
                            status = case when paid + $2 >= quantity then 'Completed' else status end
                        where order_id = $1
                        """, e.OrderId, e.ItemIds.Count, e.AmountMinor, v);
                    break;
                case OrderCancelled e:
                    b.Add($"update {_t} set status = 'Cancelled', allocated = 0, version = $2 where order_id = $1", e.OrderId, v);
                    break;
            }
        }
    }
}
