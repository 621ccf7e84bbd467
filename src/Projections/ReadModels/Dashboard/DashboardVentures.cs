using SecondChance.Domain.Ventures;
using SecondChance.Integrity.Events;

namespace SecondChance.Projections.ReadModels.Dashboard;

public sealed partial class DashboardProjection
{
    /// <summary>
    /// Ventures by facility and stage, with the milestones each reached and its grant and money back; the fund's money in,
    /// out and back as monthly figures (venture_fund_credited, venture_grant, venture_returned) at the facility's local month.
    /// </summary>
    private sealed class Ventures(ProjectionContext ctx)
    {
        private sealed class Row
        {
            public Guid Id, Facility; public string Kind = "", Stage = ""; public bool Registered, FirstSale, Profitable; public long Granted, Returned;
        }

        private readonly Dictionary<Guid, Row> _rows = new();
        private readonly HashSet<Guid> _dirty = [];

        public static async Task<Ventures> LoadAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
        {
            var v = new Ventures(ctx);
            var ids = events.Select(e => VentureOf(e.Data)).OfType<Guid>().Distinct().ToArray();
            if (ids.Length > 0)
                await ctx.ReadAsync("""
                    select venture_id, facility_id, kind, stage, registered, first_sale, first_month_profitable, granted, returned
                      from {schema}.ventures where venture_id = any($1)
                    """, r => v._rows[r.GetGuid(0)] = new Row
                {
                    Id = r.GetGuid(0), Facility = r.GetGuid(1), Kind = r.GetString(2), Stage = r.GetString(3), Registered = r.GetBoolean(4),
                    FirstSale = r.GetBoolean(5), Profitable = r.GetBoolean(6), Granted = r.GetInt64(7), Returned = r.GetInt64(8),
                }, ct, ids);
            return v;
        }

        private static Guid? VentureOf(object e) => e switch
        {
            VentureApproved x => x.VentureId, VentureDeclined x => x.VentureId, SeedGrantAwarded x => x.VentureId,
            VentureMilestoneReached x => x.VentureId, VentureRepaid x => x.VentureId, VentureClosed x => x.VentureId, _ => null,
        };

        public void Apply(object e, Batch b)
        {
            switch (e)
            {
                case VentureProposed p:
                    _rows[p.VentureId] = new Row { Id = p.VentureId, Facility = p.FacilityId, Kind = p.Kind.ToString(), Stage = nameof(VentureStage.Proposed) };
                    _dirty.Add(p.VentureId);
                    break;
                case VentureFundCredited c: b.Add(c.FacilityId, false, Guid.Empty, "", "venture_fund_credited", c.CreditedAt, 1, c.AmountMinor); break;
                case SeedGrantPaidOut g: b.Add(g.FacilityId, false, Guid.Empty, "", "venture_grant", g.PaidAt, 1, g.AmountMinor); break;
                case VentureRepaymentReceived r: b.Add(r.FacilityId, false, Guid.Empty, "", "venture_returned", r.ReceivedAt, 1, r.AmountMinor); break;
                default:
                    if (VentureOf(e) is not { } id || !_rows.TryGetValue(id, out var row)) return;
                    switch (e)
                    {
                        case VentureApproved: row.Stage = nameof(VentureStage.Approved); break;
                        case VentureDeclined: row.Stage = nameof(VentureStage.Declined); break;
                        case SeedGrantAwarded g: row.Stage = nameof(VentureStage.Funded); row.Granted += g.AmountMinor; break;
                        case VentureMilestoneReached m:
                            row.Registered |= m.Milestone == VentureMilestone.Registered;
                            row.FirstSale |= m.Milestone == VentureMilestone.FirstSale;
                            row.Profitable |= m.Milestone == VentureMilestone.FirstMonthProfitable;
                            break;
                        case VentureRepaid r: row.Returned += r.AmountMinor; break;
                        case VentureClosed: row.Stage = nameof(VentureStage.Closed); break;
                    }
                    _dirty.Add(id);
                    break;
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            var rows = _dirty.Select(id => _rows[id]).ToList();
            if (rows.Count == 0) return;
            await ctx.ExecAsync("""
                insert into {schema}.ventures as t select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::boolean[],
                    $7::boolean[], $8::bigint[], $9::bigint[])
                on conflict (venture_id) do update set stage = excluded.stage, registered = excluded.registered, first_sale = excluded.first_sale,
                    first_month_profitable = excluded.first_month_profitable, granted = excluded.granted, returned = excluded.returned
                """, ct, rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Facility).ToArray(), rows.Select(r => r.Kind).ToArray(),
                rows.Select(r => r.Stage).ToArray(), rows.Select(r => r.Registered).ToArray(), rows.Select(r => r.FirstSale).ToArray(),
                rows.Select(r => r.Profitable).ToArray(), rows.Select(r => r.Granted).ToArray(), rows.Select(r => r.Returned).ToArray());
        }
    }
}
