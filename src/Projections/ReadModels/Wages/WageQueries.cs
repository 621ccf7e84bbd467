using SecondChance.Integrity.Tenancy;
using Npgsql;

namespace SecondChance.Projections.ReadModels.Wages;

public sealed class WageQueries(TenantDataSource dataSource, string schema)
{
    /// <summary>
    /// An inmate's postings in effective order (when each took effect, then the order recorded) with running balances;
    /// only those in effect by effectiveThrough and recorded by knownAt when given.
    /// </summary>
    public async Task<IReadOnlyList<StatementLine>> StatementAsync(Guid inmateId, DateTimeOffset? effectiveThrough = null,
        DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select posting_id, position, source, reference, description, occurred_at, spendable, savings, family,
                   sum(spendable) over w, sum(savings) over w, sum(family) over w, currency, recorded_at
              from {schema}.postings
             where inmate_id = $1 and ($2::timestamptz is null or occurred_at <= $2) and ($3::timestamptz is null or recorded_at <= $3)
            window w as (order by occurred_at, position rows between unbounded preceding and current row)
             order by occurred_at, position
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = inmateId });
        foreach (var at in new[] { effectiveThrough, knownAt })
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)at?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var list = new List<StatementLine>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new StatementLine(r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), (long)r.GetDecimal(9), (long)r.GetDecimal(10),
                (long)r.GetDecimal(11), r.GetString(12), r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13)));
        return list;
    }

    // within: only these facilities (the reader's scope), or every facility when null

    public async Task<IReadOnlyList<PeriodTotal>> TotalsAsync(Guid? facilityId, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct = default,
        IReadOnlyCollection<Guid>? within = null) =>
        await ReadAsync($"""
            select facility_id, month, source, postings, amount, spendable, savings, family from {schema}.totals
             where ($1::uuid is null or facility_id = $1) and month between $2 and $3 and ($4::uuid[] is null or facility_id = any($4))
             order by facility_id, month, source
            """, r => new PeriodTotal(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4),
            r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)), ct, (object?)facilityId ?? DBNull.Value, new DateOnly(fromMonth.Year, fromMonth.Month, 1), toMonth,
            Scope(within));

    public async Task<IReadOnlyList<SaleDistribution>> SalesAsync(Guid? facilityId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default,
        IReadOnlyCollection<Guid>? within = null) =>
        await ReadAsync($"""
            select sale_id, item_id, facility_id, distributed_at, price, currency, inmate_share, welfare_fund, materials_recovery,
                   policy_effective_from, makers::text from {schema}.sales
             where ($1::uuid is null or facility_id = $1) and distributed_at >= $2 and distributed_at < $3
               and ($4::uuid[] is null or facility_id = any($4))
             order by distributed_at limit 5000
            """, r => new SaleDistribution(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt64(4),
            r.GetString(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetFieldValue<DateOnly>(9), r.GetString(10)), ct,
            (object?)facilityId ?? DBNull.Value, from.ToUniversalTime(), to.ToUniversalTime(), Scope(within));

    public async Task<TrialBalance> TrialBalanceAsync(Guid? facilityId, CancellationToken ct = default, IReadOnlyCollection<Guid>? within = null)
    {
        var lines = await ReadAsync($"""
            select account, sum(debit)::bigint, sum(credit)::bigint from {schema}.ledger
             where ($1::uuid is null or facility_id = $1) and ($2::uuid[] is null or facility_id = any($2)) group by account order by account
            """, r => new TrialBalanceLine(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), ct, (object?)facilityId ?? DBNull.Value, Scope(within));
        return new TrialBalance(facilityId, lines, lines.Sum(l => l.DebitMinor), lines.Sum(l => l.CreditMinor));
    }

    private static NpgsqlParameter Scope(IReadOnlyCollection<Guid>? within) =>
        new() { Value = (object?)within?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid };

    private async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct, params object[] args)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var a in args)
            cmd.Parameters.Add(a switch
            {
                NpgsqlParameter p => p,
                DBNull => new NpgsqlParameter { Value = a, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
                _ => new NpgsqlParameter { Value = a },
            });
        var list = new List<T>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(map(r));
        return list;
    }
}
