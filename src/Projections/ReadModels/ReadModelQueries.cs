using SecondChance.Integrity.Tenancy;
using Npgsql;
using SecondChance.Projections.ReadModels.Catalogue;
using SecondChance.Projections.ReadModels.Compliance;
using SecondChance.Projections.ReadModels.Dashboard;
using SecondChance.Projections.ReadModels.Timeline;
using SecondChance.Projections.ReadModels.Wages;

namespace SecondChance.Projections.ReadModels;

/// <summary>The query side of every read model; each reads its projection's live schema.</summary>
public sealed class ReadModelQueries(TenantDataSource dataSource, string storeSchema)
{
    public TimelineQueries Timeline { get; } = new(dataSource, $"{storeSchema}_timeline");
    public DashboardQueries Dashboard { get; } = new(dataSource, $"{storeSchema}_dashboard");
    public WageQueries Wages { get; } = new(dataSource, $"{storeSchema}_wages");
    public ComplianceQueries Compliance { get; } = new(dataSource, $"{storeSchema}_compliance");
    public CatalogueQueries Catalogue { get; } = new(dataSource, $"{storeSchema}_catalogue");
    public Oversight.OversightFactsQueries Oversight { get; } = new(dataSource, $"{storeSchema}_oversight");
    public Occupancy.OccupancyQueries Occupancy { get; } = new(dataSource, $"{storeSchema}_occupancy");
    public Market.MarketQueries Market { get; } = new(dataSource, $"{storeSchema}_market");
    public Certificates.CertificateQueries Certificates { get; } = new(dataSource, $"{storeSchema}_certificates");
}
