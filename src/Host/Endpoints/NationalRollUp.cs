using SecondChance.Host.Security;
using SecondChance.Integrity.Tenancy;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// Figures by province for national readers: each province's own read models, read in its own database, for the
/// provinces the reader may read (their own and their federal read grants), side by side and summed.
/// </summary>
public static class NationalRollUp
{
    /// <param name="Figures">Totals over the months asked, by metric (admitted, certified, sold, earnings …): count and amount in minor units.</param>
    /// <param name="ComplianceFindings">Rights-compliance facts in the period, by kind.</param>
    public sealed record ProvinceFigures(string Tenant, string Name, long InmatesInCustody, long ReleasesDue,
        IReadOnlyDictionary<string, MetricTotal> Figures, IReadOnlyDictionary<string, long> ComplianceFindings);

    public sealed record MetricTotal(long Count, long AmountMinor);

    /// <param name="Unserved">Provinces the reader may read that were left out: disabled, or moved since this node started.</param>
    public sealed record RollUp(DateOnly From, DateOnly To, IReadOnlyList<ProvinceFigures> Provinces, ProvinceFigures National,
        IReadOnlyList<string> Unserved);

    public static async Task<RollUp> ReadAsync(HttpContext http, ReadModelQueries q, ReadScope scope, TenantRegistry registry,
        DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var names = (await registry.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
        var provinces = new List<ProvinceFigures>();
        var unserved = new List<string>();
        var tenancy = http.RequestServices.GetRequiredService<Marten.IDocumentStore>().Provinces();
        foreach (var tenant in http.User.ReadableTenants())
        {
            if (!TenantScope.IsHome(tenant) && tenancy.Unserved(tenant) is not null)
            {
                unserved.Add(tenant);
                continue;
            }
            using var _ = TenantScope.Enter(tenant);
            var within = await scope.FacilitiesAsync(http.User, ct);
            var dashboard = await q.Dashboard.GetAsync(null, from, to, today, ct, within: within);
            var findings = await q.Compliance.CountsByKindAsync(
                new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                within, ct);
            provinces.Add(new ProvinceFigures(tenant, TenantScope.IsHome(tenant) ? "Home" : names.GetValueOrDefault(tenant, tenant),
                dashboard.Inmates.Where(s => s.Status == "admitted").Sum(s => s.Inmates),
                dashboard.ReleasesDue.Count,
                dashboard.Monthly.GroupBy(m => m.Metric).ToDictionary(g => g.Key, g => new MetricTotal(g.Sum(m => m.Count), g.Sum(m => m.AmountMinor))),
                findings));
        }
        return new RollUp(from, to, provinces, Sum(provinces), unserved);
    }

    private static ProvinceFigures Sum(IReadOnlyList<ProvinceFigures> provinces) => new("national", "All provinces read",
        provinces.Sum(p => p.InmatesInCustody), provinces.Sum(p => p.ReleasesDue),
        provinces.SelectMany(p => p.Figures).GroupBy(f => f.Key)
            .ToDictionary(g => g.Key, g => new MetricTotal(g.Sum(f => f.Value.Count), g.Sum(f => f.Value.AmountMinor))),
        provinces.SelectMany(p => p.ComplianceFindings).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value)));
}
