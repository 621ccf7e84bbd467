namespace SecondChance.Domain.Ventures;

/// <summary>
/// A venture proposed by one to five inmates of one facility, each qualified by a skill certificate they hold. The kind
/// is IT when any founder's certificate comes from an IT programme, else craft. The mentoring organisation is a name for
/// now; <see cref="MentorPartnerId"/>, when given, names a registered partner mentoring startups under a memorandum with the facility.
/// </summary>
public sealed record VentureProposed(
    Guid VentureId,
    Guid FacilityId,
    string Name,
    VentureKind Kind,
    string BusinessPlan,
    IReadOnlyList<VentureFounder> Founders,
    string MentorOrganisation,
    Guid? MentorPartnerId,
    DateTimeOffset ProposedAt);

public sealed record VentureApproved(Guid VentureId, string By, DateTimeOffset ApprovedAt);

public sealed record VentureDeclined(Guid VentureId, string Reason, string By, DateTimeOffset DeclinedAt);

/// <summary>The venture's side of a seed grant; the fund's side is <see cref="SeedGrantPaidOut"/> with the same posting id.</summary>
public sealed record SeedGrantAwarded(Guid VentureId, Guid FacilityId, Guid PostingId, long AmountMinor, string Currency, DateTimeOffset AwardedAt);

public sealed record VentureMilestoneReached(Guid VentureId, VentureMilestone Milestone, DateTimeOffset ReachedAt);

/// <summary>The venture's side of money back to the fund; the fund's side is <see cref="VentureRepaymentReceived"/>.</summary>
public sealed record VentureRepaid(
    Guid VentureId, Guid FacilityId, Guid PostingId, RepaymentKind Kind, long AmountMinor, string Currency, DateTimeOffset RepaidAt);

public sealed record VentureClosed(Guid VentureId, string Reason, DateTimeOffset ClosedAt);

public enum VentureKind
{
    IT,
    Craft,
}

public enum VentureMilestone
{
    Registered,
    FirstSale,
    FirstMonthProfitable,
}

public enum RepaymentKind
{
    /// <summary>Part of the seed grant paid back: never more than was granted.</summary>
    Repayment,
    /// <summary>A share of profit given to the fund: any amount.</summary>
    ProfitShare,
}

public enum VentureStage
{
    NotProposed,
    Proposed,
    Approved,
    Declined,
    Funded,
    Closed,
}
