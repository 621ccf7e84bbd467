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

/// <param name="Kind">Death, SeriousInjury or Disappearance. A death ends custody: afterwards only its follow-ups can be recorded.</param>
/// <param name="Circumstances">What is known so far.</param>
internal sealed record RecordCustodyIncidentRequest(Guid? IncidentId, CustodyIncidentKind? Kind, DateTimeOffset? OccurredAt, string? Place,
    string? Circumstances) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Kind, "kind");
        e.Required(OccurredAt, "occurredAt");
        e.Text(Place, "place");
        e.Text(Circumstances, "circumstances", InmateDecider.MaxCircumstancesLength);
    }

    public RecordCustodyIncident ToCommand(Guid inmateId) =>
        new(inmateId, IncidentId ?? Guid.Empty, Kind!.Value, OccurredAt!.Value, Place!, Circumstances!);
}

internal sealed record NotifyFamilyOfIncidentRequest(string? NotifiedPerson, string? NotifiedBy, DateTimeOffset? NotifiedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(NotifiedPerson, "notifiedPerson");
        e.Text(NotifiedBy, "notifiedBy");
    }

    public NotifyFamilyOfIncident ToCommand(Guid inmateId, Guid incidentId) => new(inmateId, incidentId, NotifiedPerson!, NotifiedBy!, NotifiedAt);
}

/// <param name="Authority">The independent (judicial) authority, e.g. the Sessions Judge.</param>
internal sealed record ReportIncidentRequest(string? Authority, string? Reference, DateTimeOffset? ReportedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Authority, "authority");
        e.Text(Reference, "reference", required: false);
    }

    public ReportIncidentToAuthority ToCommand(Guid inmateId, Guid incidentId) => new(inmateId, incidentId, Authority!, Reference ?? "", ReportedAt);
}

internal sealed record OpenInvestigationRequest(string? Investigator, DateTimeOffset? OpenedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(Investigator, "investigator");

    public OpenIncidentInvestigation ToCommand(Guid inmateId, Guid incidentId) => new(inmateId, incidentId, Investigator!, OpenedAt);
}

internal sealed record ConcludeInvestigationRequest(string? Outcome, DateTimeOffset? ConcludedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(Outcome, "outcome", FieldErrors.TextLength);

    public ConcludeIncidentInvestigation ToCommand(Guid inmateId, Guid incidentId) => new(inmateId, incidentId, Outcome!, ConcludedAt);
}

/// <param name="ContactId">The client's id for the contact (repeating it changes nothing); made by the server when absent.</param>
/// <param name="Relation">Child, Spouse, Parent, Sibling, OtherRelative, Friend or Other.</param>
/// <param name="Mode">InPerson (a visit), Video or Phone.</param>
internal sealed record RecordFamilyContactRequest(Guid? ContactId, string? ContactName, FamilyRelation? Relation, ContactMode? Mode,
    DateTimeOffset? ContactAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(ContactName, "contactName");
        e.Required(Relation, "relation");
        e.Required(Mode, "mode");
    }

    public RecordFamilyContact ToCommand(Guid inmateId) => new(inmateId, ContactId ?? Guid.Empty, ContactName!, Relation!.Value, Mode!.Value, ContactAt);
}

internal sealed record RefuseFamilyVisitRequest(string? VisitorName, FamilyRelation? Relation, string? Reason, string? RefusedBy,
    DateTimeOffset? RefusedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(VisitorName, "visitorName");
        e.Required(Relation, "relation");
        e.Text(Reason, "reason", FieldErrors.TextLength);
        e.Text(RefusedBy, "refusedBy");
    }

    public RefuseFamilyVisit ToCommand(Guid inmateId) => new(inmateId, VisitorName!, Relation!.Value, Reason!, RefusedBy!, RefusedAt);
}
