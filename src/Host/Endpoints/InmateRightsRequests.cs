using SecondChance.Domain.Inmates;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

/// <param name="RestraintId">The client's id for this use, to end it later; made by the server when absent.</param>
/// <param name="Reason">EscapeDuringTransfer, MedicalDirection, PreventHarm, Discipline or Other (Other needs details).</param>
internal sealed record ApplyRestraintRequest(Guid? RestraintId, RestraintInstrument? Instrument, RestraintReason? Reason, string? Details,
    string? AuthorisedBy, DateTimeOffset? StartedAt, bool? MedicalOfficerInformed) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Instrument, "instrument");
        e.Required(Reason, "reason");
        e.Text(Details, "details", InmateDecider.MaxRestraintDetailsLength, required: false);
        e.Text(AuthorisedBy, "authorisedBy");
        e.Required(MedicalOfficerInformed, "medicalOfficerInformed");
    }

    public ApplyRestraint ToCommand(Guid inmateId) => new(inmateId, RestraintId ?? Guid.Empty, Instrument!.Value, Reason!.Value, Details ?? "",
        AuthorisedBy!, StartedAt, MedicalOfficerInformed!.Value);
}

internal sealed record EndRestraintRequest(string? AuthorisedBy, DateTimeOffset? EndedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(AuthorisedBy, "authorisedBy");

    public EndRestraint ToCommand(Guid inmateId, Guid restraintId) => new(inmateId, restraintId, AuthorisedBy!, EndedAt);
}

/// <param name="LabourStartedAt">When labour began; absent when only the delivery instant is known.</param>
/// <param name="EndedAt">The delivery, or the end of labour.</param>
internal sealed record RecordLabourRequest(DateTimeOffset? LabourStartedAt, DateTimeOffset? EndedAt, string? RecordedBy) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(EndedAt, "endedAt");
        e.Text(RecordedBy, "recordedBy");
    }

    public RecordLabour ToCommand(Guid inmateId) => new(inmateId, LabourStartedAt, EndedAt!.Value, RecordedBy!);
}
