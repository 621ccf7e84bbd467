using SecondChance.Domain.Facilities;

namespace SecondChance.Domain.Inmates;

public sealed record InmateAdmitted(
    Guid InmateId,
    Guid FacilityId,
    string PrisonerNumber,
    string FullName,
    string Cnic,
    Sex Sex,
    DateOnly DateOfBirth,
    LegalStatus LegalStatus,
    string CommittalAuthority,
    DateTimeOffset AdmittedAt,
    bool ConsentToAttribution,
    string Currency = Money.Pkr);

/// <summary>HousedAt is when the inmate moved in; housings recorded before it existed have none (their recording time stands in).</summary>
public sealed record InmateHoused(
    Guid InmateId, Guid FacilityId, Guid WardId, WardCategory WardCategory, string? JuvenileOverrideReason, DateTimeOffset? HousedAt = null);

public sealed record MedicalScreeningRecorded(
    Guid InmateId, DateTimeOffset ScreenedAt, string ScreenedBy, string Summary, FemaleEntryScreening? FemaleEntryScreening);

public sealed record SegregationStarted(Guid InmateId, string Reason, string AuthorisedBy, DateTimeOffset StartedAt);

public sealed record SegregationEnded(Guid InmateId, string Reason, string AuthorisedBy, DateTimeOffset EndedAt);

public sealed record InmateTransferred(
    Guid InmateId, Guid FromFacilityId, Guid ToFacilityId, string PrisonerNumber, DateTimeOffset TransferredAt);

public sealed record LegalStatusChanged(
    Guid InmateId, LegalStatus From, LegalStatus To, DateTimeOffset ChangedAt, string Reference);

public sealed record InmateEnrolled(Guid InmateId, Guid ProgrammeId, DateTimeOffset EnrolledAt);

public sealed record InmateWithdrewFromProgramme(Guid InmateId, Guid ProgrammeId, string Reason, DateTimeOffset WithdrewAt);

public sealed record InmateCompletedProgramme(Guid InmateId, Guid ProgrammeId, DateTimeOffset CompletedAt);

public sealed record SkillCertified(
    Guid InmateId,
    Guid ProgrammeId,
    string Skill,
    string Level,
    string Assessor,
    string CertificateNumber,
    DateTimeOffset CertifiedAt);

public sealed record MentorAssigned(Guid InmateId, Guid MentorId, DateTimeOffset AssignedAt);

public sealed record MentorUnassigned(Guid InmateId, Guid MentorId, string Reason, DateTimeOffset UnassignedAt);

public sealed record MentoringContactRecorded(
    Guid InmateId,
    Guid ContactId,
    Guid MentorId,
    DateTimeOffset ContactAt,
    ContactMode Mode,
    ReleasePhase Phase,
    string Summary);

/// <summary>PlannedAt is when the plan was made; plans recorded before it existed have none.</summary>
/// <summary>The release date expected; with it, how the savings will be paid out and when the first contact after release is planned (older events have neither).</summary>
public sealed record ReleasePlanned(Guid InmateId, DateOnly ExpectedReleaseDate, DateTimeOffset? PlannedAt = null,
    SavingsPayoutPlan? SavingsPayout = null, DateOnly? FollowUpPlannedOn = null);

public sealed record InmateReleased(Guid InmateId, Guid FacilityId, DateTimeOffset ReleasedAt, string Reason);

public sealed record PostReleaseFollowUpRecorded(
    Guid InmateId,
    DateTimeOffset FollowedUpAt,
    EmploymentStatus Employment,
    HousingStatus Housing,
    ContactOutcome Outcome,
    string Notes);

public sealed record AttributionConsentGiven(Guid InmateId, DateTimeOffset GivenAt);

public sealed record AttributionConsentWithdrawn(Guid InmateId, DateTimeOffset WithdrawnAt);

/// <summary>Names the corrected event by its stream version (and event id when known); history is never edited.</summary>
public sealed record InmateRecordCorrected(
    Guid InmateId,
    long CorrectedStreamVersion,
    Guid? CorrectedEventId,
    IReadOnlyList<FieldCorrection> Corrections,
    string Reason);
