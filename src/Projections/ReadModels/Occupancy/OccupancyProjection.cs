using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Occupancy;

/// <summary>
/// Each ward's occupancy over time: a change of one at every move in (housing) and out (the next housing, a transfer,
/// a release), at the instant it happened, and the ward's certified capacities, so occupancy at any instant is a sum.
/// </summary>
public sealed class OccupancyProjection : IProjection
{
    public string Name => "occupancy";
    public int Version => 1;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "ward occupancy over time", """
            create table {schema}.wards (ward_id uuid primary key, facility_id uuid not null, name text not null, category text not null);
            create table {schema}.capacities (ward_id uuid not null, effective_from timestamptz not null, capacity int not null,
                primary key (ward_id, effective_from));
            create table {schema}.placements (inmate_id uuid primary key, ward_id uuid not null);
            create table {schema}.changes (position bigint not null, ward_id uuid not null, at timestamptz not null, delta int not null,
                primary key (position, ward_id));
            create index changes_by_ward on {schema}.changes (ward_id, at);
            """),
    ];

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var batch = new StatementBatch(ctx);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case WardAdded w:
                    batch.Add("insert into {schema}.wards values ($1, $2, $3, $4) on conflict (ward_id) do update set name = excluded.name",
                        w.WardId, w.FacilityId, w.Name, w.Category.ToString());
                    break;
                case WardCapacityCertified c:
                    batch.Add("""
                        insert into {schema}.capacities values ($1, $2, $3) on conflict (ward_id, effective_from) do update set capacity = excluded.capacity
                        """, c.WardId, c.EffectiveFrom.ToUniversalTime(), c.Capacity);
                    break;
                case InmateHoused h:
                    var at = (h.HousedAt ?? e.Timestamp).ToUniversalTime();
                    Leave(batch, e.Position, h.InmateId, at);
                    batch.Add("insert into {schema}.placements values ($1, $2)", h.InmateId, h.WardId);
                    batch.Add("insert into {schema}.changes values ($1, $2, $3, 1)", e.Position, h.WardId, at);
                    break;
                case InmateTransferred t: Leave(batch, e.Position, t.InmateId, t.TransferredAt); break;
                case InmateReleased r: Leave(batch, e.Position, r.InmateId, r.ReleasedAt); break;
            }
        }
        await batch.FlushAsync(ct);
    }

    private static void Leave(StatementBatch batch, long position, Guid inmate, DateTimeOffset at) =>
        batch.Add("""
            with gone as (delete from {schema}.placements where inmate_id = $2 returning ward_id)
            insert into {schema}.changes select $1, ward_id, $3, -1 from gone
            """, position, inmate, at.ToUniversalTime());
}
