using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;

namespace SecondChance.Projections.ReadModels.Dashboard;

public sealed partial class DashboardProjection
{
    private sealed class Batch(ProjectionContext ctx, FacilityCalendar calendar)
    {
        public readonly Dictionary<Guid, Inmate> Inmates = new();
        public readonly Dictionary<Guid, Programme> Programmes = new();
        public readonly Dictionary<Guid, Item> Items = new();
        public readonly List<Guid> NewProgrammes = [], NewItems = [];
        public readonly List<(Guid Inmate, DateTimeOffset At)> Contacts = [];
        private readonly Dictionary<(Guid, DateOnly, string, bool, Guid, string), (long N, long Amount)> _monthly = new();

        public Inmate? Inmate(Guid id) => Inmates.GetValueOrDefault(id);

        public FacilityCalendar Calendar => calendar;

        public static async Task<Batch> LoadAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
        {
            var b = new Batch(ctx, await FacilityCalendar.LoadAsync(ctx, ct));
            HashSet<Guid> inmates = [], programmes = [], items = [];
            foreach (var e in events)
            {
                switch (e.Data)
                {
                    case InmateAdmitted: break;
                    case InmateEnrolled x: inmates.Add(x.InmateId); programmes.Add(x.ProgrammeId); break;
                    case InmateCompletedProgramme x: inmates.Add(x.InmateId); programmes.Add(x.ProgrammeId); break;
                    case InmateWithdrewFromProgramme x: inmates.Add(x.InmateId); programmes.Add(x.ProgrammeId); break;
                    case SkillCertified x: inmates.Add(x.InmateId); programmes.Add(x.ProgrammeId); break;
                    case ItemProduced x: foreach (var m in x.Makers) inmates.Add(m.InmateId); break;
                    case ItemListed x: items.Add(x.ItemId); break;
                    case ItemSold x: items.Add(x.ItemId); break;
                    case ItemReturned x: items.Add(x.ItemId); break;
                    case SaleProceedsDistributed x: items.Add(x.ItemId); break;
                    default: if (InmateOf(e.Data) is { } id) inmates.Add(id); break;
                }
            }
            if (inmates.Count > 0)
                await ctx.ReadAsync("""
                    select inmate_id, facility_id, female, status, prisoner_number, expected_release, released_at, certified,
                           mentor_id, savings, follow_ups from {schema}.inmates where inmate_id = any($1)
                    """, r => b.Inmates[r.GetGuid(0)] = new Inmate
                {
                    Id = r.GetGuid(0), Facility = r.GetGuid(1), Female = r.GetBoolean(2), Status = r.GetString(3), Number = r.GetString(4),
                    ExpectedRelease = r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
                    ReleasedAt = r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), Certified = r.GetInt32(7),
                    Mentor = r.IsDBNull(8) ? null : r.GetGuid(8), Savings = r.GetInt64(9), FollowUps = r.GetInt32(10),
                    Counted = (r.GetGuid(1), r.GetBoolean(2), r.GetString(3)),
                }, ct, inmates.ToArray());
            if (programmes.Count > 0)
                await ctx.ReadAsync("select programme_id, facility_id, craft from {schema}.programmes where programme_id = any($1)",
                    r => b.Programmes[r.GetGuid(0)] = new Programme(r.GetGuid(1), r.GetString(2)), ct, programmes.ToArray());
            if (items.Count > 0)
                await ctx.ReadAsync("select item_id, facility_id, programme_id, craft, female from {schema}.items where item_id = any($1)",
                    r => b.Items[r.GetGuid(0)] = new Item(r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetBoolean(4)), ct, items.ToArray());
            return b;
        }

        private static Guid? InmateOf(object e) => e switch
        {
            InmateTransferred x => x.InmateId, InmateRecordCorrected x => x.InmateId, ReleasePlanned x => x.InmateId,
            InmateReleased x => x.InmateId, MentorAssigned x => x.InmateId, MentorUnassigned x => x.InmateId,
            PostReleaseFollowUpRecorded x => x.InmateId, WageCredited x => x.InmateId, ShareOfSaleCredited x => x.InmateId,
            ReleasePayoutMade x => x.InmateId, PostingReversed x => x.InmateId, _ => null,
        };

        public void Count(Inmate i, string metric, DateTimeOffset at) => Add(i.Facility, i.Female, Guid.Empty, "", metric, at, 1, 0);

        public void Count(Inmate i, Guid programme, string metric, DateTimeOffset at) =>
            Add(i.Facility, i.Female, programme, Programmes.GetValueOrDefault(programme)?.Craft ?? "", metric, at, 1, 0);

        public void Add(Item it, string metric, DateTimeOffset at, long amount) =>
            Add(it.Facility, it.Female, it.Programme, it.Craft, metric, at, 1, amount);

        public void Add(Guid facility, bool female, Guid programme, string craft, string metric, DateTimeOffset at, long n, long amount)
        {
            var key = (facility, calendar.Month(facility, at), metric, female, programme, craft);
            var (n0, a0) = _monthly.GetValueOrDefault(key);
            _monthly[key] = (n0 + n, a0 + amount);
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            await calendar.FlushAsync(ctx, ct);
            var dirty = Inmates.Values.Where(i => i.Dirty).ToList();
            if (dirty.Count > 0)
            {
                await ctx.ExecAsync("""
                    insert into {schema}.inmates as t select * from unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::text[], $5::text[],
                        $6::date[], $7::timestamptz[], $8::int[], $9::uuid[], $10::bigint[], $11::int[])
                    on conflict (inmate_id) do update set facility_id = excluded.facility_id, female = excluded.female,
                        status = excluded.status, prisoner_number = excluded.prisoner_number, expected_release = excluded.expected_release,
                        released_at = excluded.released_at, certified = excluded.certified, mentor_id = excluded.mentor_id,
                        savings = excluded.savings, follow_ups = excluded.follow_ups
                    """, ct, dirty.Select(i => i.Id).ToArray(), dirty.Select(i => i.Facility).ToArray(), dirty.Select(i => i.Female).ToArray(),
                    dirty.Select(i => i.Status).ToArray(), dirty.Select(i => i.Number).ToArray(), dirty.Select(i => i.ExpectedRelease).ToArray(),
                    dirty.Select(i => i.ReleasedAt?.ToUniversalTime()).ToArray(), dirty.Select(i => i.Certified).ToArray(),
                    dirty.Select(i => i.Mentor).ToArray(), dirty.Select(i => i.Savings).ToArray(), dirty.Select(i => i.FollowUps).ToArray());
                var counts = new Dictionary<(Guid, bool, string), long>();
                foreach (var i in dirty)
                {
                    var now = (i.Facility, i.Female, i.Status);
                    if (i.Counted == now) continue;
                    if (i.Counted is { } was) counts[was] = counts.GetValueOrDefault(was) - 1;
                    counts[now] = counts.GetValueOrDefault(now) + 1;
                }
                var changed = counts.Where(c => c.Value != 0).ToList();
                if (changed.Count > 0)
                    await ctx.ExecAsync("""
                        insert into {schema}.status_counts as t select * from unnest($1::uuid[], $2::boolean[], $3::text[], $4::bigint[])
                        on conflict (facility_id, female, status) do update set n = t.n + excluded.n
                        """, ct, changed.Select(c => c.Key.Item1).ToArray(), changed.Select(c => c.Key.Item2).ToArray(),
                        changed.Select(c => c.Key.Item3).ToArray(), changed.Select(c => c.Value).ToArray());
                if (changed.Count > 0) await ctx.ExecAsync("delete from {schema}.status_counts where n = 0", ct);
            }
            if (NewProgrammes.Count > 0)
                await ctx.ExecAsync("insert into {schema}.programmes select * from unnest($1::uuid[], $2::uuid[], $3::text[]) on conflict do nothing",
                    ct, NewProgrammes.ToArray(), NewProgrammes.Select(p => Programmes[p].Facility).ToArray(), NewProgrammes.Select(p => Programmes[p].Craft).ToArray());
            if (NewItems.Count > 0)
                await ctx.ExecAsync("insert into {schema}.items select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[]) on conflict do nothing",
                    ct, NewItems.ToArray(), NewItems.Select(i => Items[i].Facility).ToArray(), NewItems.Select(i => Items[i].Programme).ToArray(),
                    NewItems.Select(i => Items[i].Craft).ToArray(), NewItems.Select(i => Items[i].Female).ToArray());
            if (Contacts.Count > 0)
                await ctx.ExecAsync("insert into {schema}.contacts select * from unnest($1::uuid[], $2::timestamptz[])",
                    ct, Contacts.Select(c => c.Inmate).ToArray(), Contacts.Select(c => c.At.ToUniversalTime()).ToArray());
            if (_monthly.Count > 0)
            {
                var m = _monthly.ToList();
                await ctx.ExecAsync("""
                    insert into {schema}.monthly as t (facility_id, month, metric, female, programme_id, craft, n, amount)
                    select * from unnest($1::uuid[], $2::date[], $3::text[], $4::boolean[], $5::uuid[], $6::text[], $7::bigint[], $8::bigint[])
                    on conflict (facility_id, month, metric, female, programme_id, craft) do update set n = t.n + excluded.n, amount = t.amount + excluded.amount
                    """, ct, m.Select(x => x.Key.Item1).ToArray(), m.Select(x => x.Key.Item2).ToArray(), m.Select(x => x.Key.Item3).ToArray(),
                    m.Select(x => x.Key.Item4).ToArray(), m.Select(x => x.Key.Item5).ToArray(), m.Select(x => x.Key.Item6).ToArray(),
                    m.Select(x => x.Value.N).ToArray(), m.Select(x => x.Value.Amount).ToArray());
            }
        }
    }
}
