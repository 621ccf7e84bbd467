using SecondChance.Domain.Complaints;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record LodgeComplaintRequest(
    Guid? ComplaintId, ComplaintChannel? Channel, ComplainantKind? Complainant, string? ComplainantName, ComplaintCategory? Category,
    bool? AboutStaff, string? Account, string? RecordedBy, DateTimeOffset? LodgedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Channel, "channel");
        e.Required(Complainant, "complainant");
        e.Text(ComplainantName, "complainantName");
        e.Required(Category, "category");
        e.Required(AboutStaff, "aboutStaff");
        e.Text(Account, "account", FieldErrors.TextLength);
        e.Text(RecordedBy, "recordedBy");
    }

    public LodgeComplaint ToCommand(Guid inmateId, bool byOversight) => new(ComplaintId ?? Guid.Empty, inmateId, Channel!.Value, Complainant!.Value,
        ComplainantName!, Category!.Value, AboutStaff!.Value, Account!, RecordedBy!, LodgedAt, byOversight);
}

/// <summary>Acknowledge, open an investigation, or disclose: who did it (and for a disclosure, why), and when.</summary>
internal sealed record ComplaintStepRequest(string? By, string? Reason, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(By, "by");
}

internal sealed record DisclosureRequest(string? By, string? Reason, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(By, "by");
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }
}

internal sealed record ComplaintDecisionRequest(ComplaintOutcome? Outcome, string? Remedy, string? By, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Outcome, "outcome");
        e.Text(Remedy, "remedy", FieldErrors.TextLength, required: Outcome == ComplaintOutcome.Upheld);
        e.Text(By, "by");
    }
}

internal sealed record ComplaintAppealRequest(string? Grounds, DateTimeOffset? At) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(Grounds, "grounds", FieldErrors.TextLength);
}
