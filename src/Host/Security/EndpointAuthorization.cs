namespace SecondChance.Host.Security;

/// <summary>
/// <c>.Requires(Policies.X)</c>: the policy, plus the facility/programme scope check for scoped writes, and for reads
/// the read scope of facility-bound staff and personal-data redaction. Plain <c>.RequireAuthorization(Policies.X)</c> is also accepted by the tests.
/// </summary>
public static class EndpointAuthorization
{
    private static readonly HashSet<string> Scoped = [Policies.RecordJourneys, Policies.TeachProgrammes, Policies.RecordWages, Policies.HandleComplaints, Policies.TradeWithPartners];
    private static readonly HashSet<string> Reads = [Policies.ReadRecords, Policies.ReadCompliance, Policies.ReadReadModels, Policies.ReadFinancial];

    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder b, string policy)
    {
        b.RequireAuthorization(policy);
        if (Scoped.Contains(policy)) b.AddEndpointFilter(new FacilityScopeFilter(policy));
        if (Reads.Contains(policy) || policy == Policies.HandleComplaints) b.AddEndpointFilter(new ReadScopeFilter()).AddEndpointFilter(new PersonalDataRedaction());
        return b;
    }

    /// <summary>A read of one inmate's personal record: redacted as needed, and logged.</summary>
    public static RouteHandlerBuilder RequiresLogged(this RouteHandlerBuilder b, string policy) =>
        b.Requires(policy).AddEndpointFilter(new PersonalRecordAccessLog());
}
