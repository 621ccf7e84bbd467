using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

/// <param name="SavingsPayout">How the savings will be paid out (CashAtRelease, BankTransfer, ToFamily); absent until decided.</param>
/// <param name="FollowUpPlannedOn">The day of the first contact after release; absent until planned.</param>
internal sealed record PlanReleaseRequest(DateOnly? ExpectedReleaseDate, DateTimeOffset? PlannedAt, SavingsPayoutPlan? SavingsPayout = null,
    DateOnly? FollowUpPlannedOn = null) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Required(ExpectedReleaseDate, "expectedReleaseDate");

    public PlanRelease ToCommand(Guid inmateId) => new(inmateId, ExpectedReleaseDate!.Value, PlannedAt, SavingsPayout, FollowUpPlannedOn);
}

internal sealed record ReleaseInmateRequest(DateTimeOffset? ReleasedAt, string? Reason) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }

    public ReleaseInmate ToCommand(Guid inmateId) => new(inmateId, ReleasedAt, Reason!);
}

internal sealed record RecordFollowUpRequest(
    DateTimeOffset? FollowedUpAt, EmploymentStatus? Employment, HousingStatus? Housing, ContactOutcome? Outcome, string? Notes)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Employment, "employment");
        e.Required(Housing, "housing");
        e.Required(Outcome, "outcome");
        e.Text(Notes, "notes", FieldErrors.TextLength, required: false);
    }

    public RecordPostReleaseFollowUp ToCommand(Guid inmateId) =>
        new(inmateId, FollowedUpAt, Employment!.Value, Housing!.Value, Outcome!.Value, Notes ?? "");
}

internal sealed record FieldCorrectionRequest(string? Field, string? CorrectedValue);

internal sealed record CorrectInmateRecordRequest(
    long? CorrectedStreamVersion, Guid? CorrectedEventId, IReadOnlyList<FieldCorrectionRequest>? Corrections, string? Reason) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        if (e.Required(CorrectedStreamVersion, "correctedStreamVersion") && CorrectedStreamVersion < 1)
            e.Add("correctedStreamVersion", "The corrected event's version is 1 or more.");
        e.Text(Reason, "reason", FieldErrors.TextLength);
        if (!e.Present(Corrections, "corrections")) return;
        if (Corrections!.Count is 0 or > 20) e.Add("corrections", "A correction changes 1 to 20 fields.");
        for (var i = 0; i < Corrections.Count; i++)
        {
            var c = Corrections[i];
            if (c is null) { e.Add($"corrections[{i}]", "A field correction is required."); continue; }
            if (!CorrectableFields.All.Contains(c.Field ?? ""))
                e.Add($"corrections[{i}].field", $"The field is one of: {string.Join(", ", CorrectableFields.All)}.");
            e.Text(c.CorrectedValue, $"corrections[{i}].correctedValue");
        }
    }

    public CorrectInmateRecord ToCommand(Guid inmateId) => new(inmateId, CorrectedStreamVersion!.Value, CorrectedEventId,
        Corrections!.Select(c => new FieldCorrection(c.Field!, c.CorrectedValue!)).ToList(), Reason!);
}

internal sealed record AssignMentorRequest(Guid? MentorId, DateTimeOffset? AssignedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.NotEmpty(MentorId, "mentorId");

    public AssignMentor ToCommand(Guid inmateId) => new(inmateId, MentorId!.Value, AssignedAt);
}

internal sealed record UnassignMentorRequest(Guid? MentorId, string? Reason, DateTimeOffset? UnassignedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(MentorId, "mentorId");
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }

    public UnassignMentor ToCommand(Guid inmateId) => new(inmateId, MentorId!.Value, Reason!, UnassignedAt);
}

internal sealed record RecordMentoringContactRequest(
    Guid? ContactId, Guid? MentorId, DateTimeOffset? ContactAt, ContactMode? Mode, ReleasePhase? Phase, string? Summary) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(MentorId, "mentorId");
        e.Required(Mode, "mode");
        e.Required(Phase, "phase");
        e.Text(Summary, "summary", InmateDecider.MaxContactSummaryLength);
    }

    public RecordMentoringContact ToCommand(Guid inmateId) =>
        new(inmateId, ContactId ?? Guid.Empty, MentorId!.Value, ContactAt, Mode!.Value, Phase!.Value, Summary!);
}

internal sealed record CertifySkillRequest(
    Guid? ProgrammeId, string? Skill, string? Level, string? Assessor, string? CertificateNumber, DateTimeOffset? CertifiedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(ProgrammeId, "programmeId");
        e.Text(Skill, "skill");
        e.Text(Level, "level", 50);
        e.Text(Assessor, "assessor");
        e.Text(CertificateNumber, "certificateNumber", 100);
    }

    public CertifySkill ToCommand(Guid inmateId) =>
        new(inmateId, ProgrammeId!.Value, Skill!, Level!, Assessor!, CertificateNumber!, CertifiedAt);
}
