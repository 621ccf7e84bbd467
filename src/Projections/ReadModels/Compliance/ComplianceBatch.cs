using SecondChance.Integrity.Events;

namespace SecondChance.Projections.ReadModels.Compliance;

internal sealed class ComplianceBatch(ProjectionContext ctx)
{
    internal sealed class Inmate(Guid id)
    {
        public Guid Id = id, Facility; public string Number = ""; public long? OpenHousing, OpenSegregation; public bool Dirty;
    }

    private sealed class Row
    {
        public Guid Inmate, Facility; public long Position; public string Kind = "", Detail = ""; public DateTimeOffset Starts;
        public DateTimeOffset? Ends; public long? Amount;
    }

    public readonly Dictionary<Guid, Inmate> Inmates = new();
    private readonly Dictionary<(Guid, long, string), Row> _new = new();
    private readonly List<(Guid Inmate, long Position, string Kind, DateTimeOffset Ends)> _closes = [];

    public Inmate? Get(Guid id)
    {
        if (Inmates.TryGetValue(id, out var i)) i.Dirty = true;
        return i;
    }

    public static async Task<ComplianceBatch> LoadAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var b = new ComplianceBatch(ctx);
        var ids = events.Select(e => e.StreamId.StartsWith("inmate-", StringComparison.Ordinal) || e.StreamId.StartsWith("wage-account-", StringComparison.Ordinal)
            ? Guid.TryParseExact(e.StreamId[(e.StreamId.LastIndexOf('-') + 1)..], "N", out var g) ? g : Guid.Empty : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().ToArray();
        if (ids.Length > 0)
            await ctx.ReadAsync("select inmate_id, facility_id, prisoner_number, open_housing, open_segregation from {schema}.inmates where inmate_id = any($1)",
                r => b.Inmates[r.GetGuid(0)] = new Inmate(r.GetGuid(0))
                {
                    Facility = r.GetGuid(1), Number = r.GetString(2), OpenHousing = r.IsDBNull(3) ? null : r.GetInt64(3),
                    OpenSegregation = r.IsDBNull(4) ? null : r.GetInt64(4),
                }, ct, ids);
        return b;
    }

    public void Fact(Guid inmate, long position, string kind, DateTimeOffset at, string detail, long? amount = null)
    {
        var facility = Inmates.GetValueOrDefault(inmate)?.Facility ?? Guid.Empty;
        _new[(inmate, position, kind)] = new Row { Inmate = inmate, Facility = facility, Position = position, Kind = kind, Starts = at, Detail = detail, Amount = amount };
    }

    /// <summary>Ends the open spell at <paramref name="at"/>, or where it started if records made before the rules say otherwise.</summary>
    public void Close(Inmate i, ref long? open, string kind, DateTimeOffset at)
    {
        if (open is not { } position) return;
        if (_new.TryGetValue((i.Id, position, kind), out var row)) row.Ends = at < row.Starts ? row.Starts : at;
        else _closes.Add((i.Id, position, kind, at.ToUniversalTime()));
        open = null;
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        var dirty = Inmates.Values.Where(i => i.Dirty).ToList();
        if (dirty.Count > 0)
            await ctx.ExecAsync("""
                insert into {schema}.inmates select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[])
                on conflict (inmate_id) do update set facility_id = excluded.facility_id, prisoner_number = excluded.prisoner_number,
                    open_housing = excluded.open_housing, open_segregation = excluded.open_segregation
                """, ct, dirty.Select(i => i.Id).ToArray(), dirty.Select(i => i.Facility).ToArray(), dirty.Select(i => i.Number).ToArray(),
                dirty.Select(i => i.OpenHousing).ToArray(), dirty.Select(i => i.OpenSegregation).ToArray());
        if (_new.Count > 0)
        {
            var f = _new.Values.ToList();
            await ctx.ExecAsync("""
                insert into {schema}.facts select * from unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::timestamptz[],
                    $6::timestamptz[], $7::text[], $8::bigint[])
                """, ct, f.Select(x => x.Inmate).ToArray(), f.Select(x => x.Position).ToArray(), f.Select(x => x.Kind).ToArray(),
                f.Select(x => x.Facility).ToArray(), f.Select(x => x.Starts.ToUniversalTime()).ToArray(),
                f.Select(x => x.Ends?.ToUniversalTime()).ToArray(), f.Select(x => x.Detail).ToArray(), f.Select(x => x.Amount).ToArray());
        }
        if (_closes.Count > 0)
            await ctx.ExecAsync("""
                update {schema}.facts f set ends_at = greatest(u.ends, f.starts_at) from unnest($1::uuid[], $2::bigint[], $3::text[], $4::timestamptz[]) u(inmate, pos, kind, ends)
                 where f.inmate_id = u.inmate and f.position = u.pos and f.kind = u.kind
                """, ct, _closes.Select(c => c.Inmate).ToArray(), _closes.Select(c => c.Position).ToArray(),
                _closes.Select(c => c.Kind).ToArray(), _closes.Select(c => c.Ends).ToArray());
    }
}
