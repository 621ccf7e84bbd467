using SecondChance.Domain.Inmates;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record AdmitInmateRequest(
    Guid? InmateId, Guid? FacilityId, string? PrisonerNumber, string? FullName, string? Cnic, Sex? Sex, DateOnly? DateOfBirth,
    LegalStatus? LegalStatus, string? CommittalAuthority, DateTimeOffset? AdmittedAt, bool? ConsentToAttribution) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(FacilityId, "facilityId");
        e.PrisonerNumber(PrisonerNumber, "prisonerNumber");
        e.Text(FullName, "fullName");
        e.Cnic(Cnic, "cnic");
        e.Required(Sex, "sex");
        e.Required(LegalStatus, "legalStatus");
        e.Text(CommittalAuthority, "committalAuthority");
        if (e.Required(DateOfBirth, "dateOfBirth") && DateOfBirth < new DateOnly(1900, 1, 1))
            e.Add("dateOfBirth", "The date of birth is not plausible.");
        if (e.Required(AdmittedAt, "admittedAt") && DateOfBirth is { } dob && AdmittedAt is { } at
            && dob > DateOnly.FromDateTime(at.UtcDateTime).AddDays(1))
            e.Add("dateOfBirth", "The date of birth is after admission.");
    }

    public AdmitInmate ToCommand() => new(InmateId ?? Guid.Empty, FacilityId!.Value, PrisonerNumber!, FullName!, Cnic!, Sex!.Value,
        DateOfBirth!.Value, LegalStatus!.Value, CommittalAuthority!, AdmittedAt!.Value, ConsentToAttribution ?? false);
}

internal sealed record HouseInmateRequest(Guid? WardId, string? JuvenileOverrideReason, DateTimeOffset? HousedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(WardId, "wardId");
        e.Text(JuvenileOverrideReason, "juvenileOverrideReason", FieldErrors.TextLength, required: false);
    }

    public HouseInmate ToCommand(Guid inmateId) => new(inmateId, WardId!.Value, JuvenileOverrideReason, HousedAt);
}

/// <param name="ChildrenOutside">Her children not with her in prison (optional, default 0).</param>
internal sealed record FemaleEntryScreeningRequest(bool? Pregnant, bool? Breastfeeding, int? ChildrenAccompanying, int? ChildrenOutside = null);

internal sealed record RecordMedicalScreeningRequest(
    DateTimeOffset? ScreenedAt, string? ScreenedBy, string? Summary, FemaleEntryScreeningRequest? FemaleEntryScreening) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(ScreenedBy, "screenedBy");
        e.Text(Summary, "summary", FieldErrors.TextLength);
        if (FemaleEntryScreening is { } f)
        {
            e.Required(f.Pregnant, "femaleEntryScreening.pregnant");
            e.Required(f.Breastfeeding, "femaleEntryScreening.breastfeeding");
            e.NotNegative(f.ChildrenAccompanying, "femaleEntryScreening.childrenAccompanying");
            if (f.ChildrenOutside is not null) e.NotNegative(f.ChildrenOutside, "femaleEntryScreening.childrenOutside");
        }
    }

    public RecordMedicalScreening ToCommand(Guid inmateId) => new(inmateId, ScreenedAt, ScreenedBy!, Summary!,
        FemaleEntryScreening is { } f ? new FemaleEntryScreening(f.Pregnant!.Value, f.Breastfeeding!.Value, f.ChildrenAccompanying!.Value, f.ChildrenOutside ?? 0) : null);
}

internal sealed record SegregationRequest(string? Reason, string? AuthorisedBy, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
        e.Text(AuthorisedBy, "authorisedBy");
    }
}

internal sealed record TransferInmateRequest(Guid? ToFacilityId, string? PrisonerNumber, DateTimeOffset? TransferredAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(ToFacilityId, "toFacilityId");
        e.PrisonerNumber(PrisonerNumber, "prisonerNumber");
    }

    public TransferInmate ToCommand(Guid inmateId) => new(inmateId, ToFacilityId!.Value, PrisonerNumber!, TransferredAt);
}

internal sealed record ChangeLegalStatusRequest(LegalStatus? To, DateTimeOffset? ChangedAt, string? Reference) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(To, "to");
        e.Text(Reference, "reference");
    }

    public ChangeLegalStatus ToCommand(Guid inmateId) => new(inmateId, To!.Value, ChangedAt, Reference!);
}

internal sealed record AttributionConsentRequest(DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e) { }
}
