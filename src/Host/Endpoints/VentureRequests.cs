using SecondChance.Domain.Ventures;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record CreditVentureFundRequest(Guid? PostingId, long? AmountMinor, string? Currency, string? Source, DateTimeOffset? CreditedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
        e.Text(Source, "source", FieldErrors.TextLength);
    }

    public CreditVentureFund ToCommand(Guid facilityId) => new(facilityId, PostingId ?? Guid.Empty, AmountMinor!.Value, Currency, Source!, CreditedAt);
}

internal sealed record VentureFounderRequest(Guid? InmateId, string? CertificateNumber);

internal sealed record ProposeVentureRequest(
    Guid? VentureId, string? Name, string? BusinessPlan, IReadOnlyList<VentureFounderRequest?>? Founders, string? MentorOrganisation,
    Guid? MentorPartnerId, DateTimeOffset? ProposedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Name, "name");
        e.Text(BusinessPlan, "businessPlan", FieldErrors.TextLength);
        e.Text(MentorOrganisation, "mentorOrganisation");
        if (!e.Present(Founders, "founders")) return;
        for (var i = 0; i < Founders!.Count; i++)
        {
            if (!e.Present(Founders[i], $"founders[{i}]")) continue;
            e.NotEmpty(Founders[i]!.InmateId, $"founders[{i}].inmateId");
            e.Text(Founders[i]!.CertificateNumber, $"founders[{i}].certificateNumber");
        }
    }

    public ProposeVenture ToCommand(Guid facilityId) => new(VentureId ?? Guid.Empty, facilityId, Name!, BusinessPlan!,
        [.. Founders!.Select(f => new VentureFounder(f!.InmateId!.Value, f.CertificateNumber!))], MentorOrganisation!, MentorPartnerId, ProposedAt);
}

internal sealed record VentureApprovalRequest(string? By, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(By, "by");
}

internal sealed record VentureDeclineRequest(string? Reason, string? By, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
        e.Text(By, "by");
    }
}

internal sealed record SeedGrantRequest(Guid? PostingId, long? AmountMinor, string? Currency, DateTimeOffset? AwardedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
    }
}

internal sealed record VentureMilestoneRequest(VentureMilestone? Milestone, DateTimeOffset? ReachedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Required(Milestone, "milestone");
}

internal sealed record VentureRepaymentRequest(Guid? PostingId, RepaymentKind? Kind, long? AmountMinor, string? Currency, DateTimeOffset? RepaidAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Kind, "kind");
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
    }
}

internal sealed record VentureClosureRequest(string? Reason, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(Reason, "reason", FieldErrors.TextLength);
}
