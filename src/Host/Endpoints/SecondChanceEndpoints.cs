namespace SecondChance.Host.Endpoints;

public static class SecondChanceEndpoints
{
    public static IEndpointRouteBuilder MapSecondChanceEndpoints(this IEndpointRouteBuilder routes)
    {
        return routes
            .MapHealthEndpoints()
            .MapFacilityEndpoints()
            .MapInmateEndpoints()
            .MapProgrammeEndpoints()
            .MapItemEndpoints()
            .MapWageEndpoints()
            .MapMentorEndpoints()
            .MapAuditEndpoints()
            .MapOversightEndpoints()
            .MapComplaintEndpoints()
            .MapPartnerEndpoints()
            .MapVentureEndpoints()
            .MapVerificationEndpoints();
    }
}
