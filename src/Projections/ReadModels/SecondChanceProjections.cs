using SecondChance.Projections.ReadModels.Catalogue;
using SecondChance.Projections.ReadModels.Compliance;
using SecondChance.Projections.ReadModels.Dashboard;
using SecondChance.Projections.ReadModels.Oversight;
using SecondChance.Projections.ReadModels.Timeline;
using SecondChance.Projections.ReadModels.Wages;

namespace SecondChance.Projections.ReadModels;

public static class SecondChanceProjections
{
    public static IReadOnlyList<IProjection> Create() =>
        [new TimelineProjection(), new DashboardProjection(), new WageProjection(), new ComplianceProjection(), new CatalogueProjection(), new OversightFactsProjection(), new Occupancy.OccupancyProjection(), new Certificates.CertificateProjection(), new Market.MarketProjection()];
}
