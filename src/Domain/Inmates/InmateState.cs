using System.Collections.Immutable;
using SecondChance.Domain.Programmes;

namespace SecondChance.Domain.Inmates;

/// <summary>
/// PlacedAt is when the inmate came to be where they are now (admission, transfer or housing); nothing that moves them
/// may be dated before it, so no housing spell ends before it starts.
/// </summary>
public sealed record InmateState(
    InmateStatus Status,
    Guid InmateId,
    Guid FacilityId,
    string PrisonerNumber,
    Sex Sex,
    DateOnly DateOfBirth,
    LegalStatus LegalStatus,
    DateTimeOffset AdmittedAt,
    Guid? WardId,
    DateTimeOffset? SegregatedSince,
    ImmutableDictionary<Guid, EnrolmentStatus> Enrolments,
    ImmutableHashSet<string> CertificateNumbers,
    Guid? MentorId,
    ImmutableHashSet<Guid> MentoringContacts,
    DateOnly? ExpectedReleaseDate,
    bool ConsentToAttribution,
    long Version,
    string Currency,
    DateTimeOffset PlacedAt,
    DateTimeOffset? MentorSince,
    DateTimeOffset? ReleasedAt,
    SavingsPayoutPlan? SavingsPayout = null,
    DateOnly? FollowUpPlannedOn = null,
    ImmutableList<RestraintUse>? RestraintUses = null,
    ImmutableList<CustodyIncident>? IncidentRecords = null,
    DateTimeOffset? DiedAt = null,
    ImmutableHashSet<Guid>? FamilyContactIds = null)
{
    public static InmateState Initial { get; } = new(
        InmateStatus.NotAdmitted, Guid.Empty, Guid.Empty, "", Sex.Male, default, LegalStatus.Remand, default,
        null, null, ImmutableDictionary<Guid, EnrolmentStatus>.Empty, ImmutableHashSet<string>.Empty,
        null, ImmutableHashSet<Guid>.Empty, null, false, 0, Money.Pkr, default, null, null);

    /// <summary>Each certificate by its number, with its verification code, revocation and the holder's consent to be named.</summary>
    public ImmutableDictionary<string, InmateCertificate> Certificates { get; init; } = ImmutableDictionary<string, InmateCertificate>.Empty;

    /// <summary>The goals of the latest rehabilitation plan, and when it was drawn up (null: none yet).</summary>
    public ImmutableList<PlanGoal> PlanGoals { get; init; } = [];

    public DateTimeOffset? PlanDrawnUpAt { get; init; }

    public bool Exists => Status != InmateStatus.NotAdmitted;

    public bool Segregated => SegregatedSince is not null;

    public ImmutableList<RestraintUse> Restraints => RestraintUses ?? [];

    public ImmutableList<CustodyIncident> Incidents => IncidentRecords ?? [];

    public bool Died => DiedAt is not null;

    public ImmutableHashSet<Guid> FamilyContacts => FamilyContactIds ?? [];

    public CustodyIncident? Incident(Guid incidentId) => Incidents.FirstOrDefault(i => i.IncidentId == incidentId);

    public bool IsReleased => Status == InmateStatus.Released;

    public bool HasActiveEnrolment => Enrolments.Values.Any(s => s == EnrolmentStatus.Active);

    public EnrolmentStatus? EnrolmentIn(Guid programmeId) =>
        Enrolments.TryGetValue(programmeId, out var status) ? status : null;

    public bool IsJuvenileOn(DateOnly date) => DomainTime.AgeOn(DateOfBirth, date) < 18;

    /// <summary>Version counts the inmate's own events, so a correction can name the event it corrects.</summary>
    public static InmateState Evolve(InmateState state, object @event) =>
        Apply(state, @event) is { } next ? next with { Version = state.Version + 1 } : state;

    private static InmateState? Apply(InmateState s, object @event) => @event switch
    {
        InmateAdmitted e => s with
        {
            Status = InmateStatus.Admitted,
            InmateId = e.InmateId,
            FacilityId = e.FacilityId,
            PrisonerNumber = e.PrisonerNumber,
            Sex = e.Sex,
            DateOfBirth = e.DateOfBirth,
            LegalStatus = e.LegalStatus,
            AdmittedAt = e.AdmittedAt,
            ConsentToAttribution = e.ConsentToAttribution,
            Currency = e.Currency,
            PlacedAt = e.AdmittedAt,
        },
        InmateHoused e => s with { WardId = e.WardId, PlacedAt = Latest(s.PlacedAt, e.HousedAt) },
        MedicalScreeningRecorded => s with { },
        SegregationStarted e => s with { SegregatedSince = e.StartedAt },
        SegregationEnded => s with { SegregatedSince = null },
        RestraintApplied e => s with { RestraintUses = s.Restraints.Add(new(e.RestraintId, e.StartedAt, null)) },
        RestraintEnded e => s with
        {
            RestraintUses = s.Restraints.Select(r => r.RestraintId == e.RestraintId ? r with { EndedAt = e.EndedAt } : r).ToImmutableList(),
        },
        LabourRecorded => s with { },
        RehabilitationPlanDrawnUp e => s with { PlanGoals = [.. e.Goals], PlanDrawnUpAt = e.DrawnUpAt },
        PlanGoalReviewed => s with { },
        CustodyIncidentRecorded e => s with
        {
            IncidentRecords = s.Incidents.Add(new(e.IncidentId, e.Kind, e.OccurredAt)),
            DiedAt = e.Kind == CustodyIncidentKind.Death ? e.OccurredAt : s.DiedAt,
            SegregatedSince = e.Kind == CustodyIncidentKind.Death ? null : s.SegregatedSince,
        },
        FamilyContactRecorded e => s with { FamilyContactIds = s.FamilyContacts.Add(e.ContactId) },
        FamilyVisitRefused => s with { },
        IncidentFamilyNotified e => WithIncident(s, e.IncidentId, i => i with { FamilyNotifiedAt = e.NotifiedAt }),
        IncidentReportedToAuthority e => WithIncident(s, e.IncidentId, i => i with { ReportedAt = e.ReportedAt }),
        IncidentInvestigationOpened e => WithIncident(s, e.IncidentId, i => i with { InvestigationOpenedAt = e.OpenedAt }),
        IncidentInvestigationConcluded e => WithIncident(s, e.IncidentId, i => i with { ConcludedAt = e.ConcludedAt }),
        InmateTransferred e => s with
        {
            FacilityId = e.ToFacilityId, PrisonerNumber = e.PrisonerNumber, WardId = null, PlacedAt = Latest(s.PlacedAt, e.TransferredAt),
        },
        LegalStatusChanged e => s with { LegalStatus = e.To },
        InmateEnrolled e => s with { Enrolments = s.Enrolments.SetItem(e.ProgrammeId, EnrolmentStatus.Active) },
        InmateWithdrewFromProgramme e => s with { Enrolments = s.Enrolments.SetItem(e.ProgrammeId, EnrolmentStatus.Withdrawn) },
        InmateCompletedProgramme e => s with { Enrolments = s.Enrolments.SetItem(e.ProgrammeId, EnrolmentStatus.Completed) },
        SkillCertified e => s with
        {
            CertificateNumbers = s.CertificateNumbers.Add(e.CertificateNumber),
            Certificates = s.Certificates.SetItem(e.CertificateNumber, new InmateCertificate(e.CertificateNumber, e.ProgrammeId, e.Skill, e.Level,
                e.Assessor, e.CertifiedAt, null, null, false)),
        },
        CertificateCodeIssued e => WithCertificate(s, e.CertificateNumber, c => c with { VerificationCode = e.Code }),
        CertificateRevoked e => WithCertificate(s, e.CertificateNumber, c => c with { RevokedReason = e.Reason }),
        CertificateHolderConsentGiven e => WithCertificate(s, e.CertificateNumber, c => c with { HolderConsents = true }),
        CertificateHolderConsentWithdrawn e => WithCertificate(s, e.CertificateNumber, c => c with { HolderConsents = false }),
        MentorAssigned e => s with { MentorId = e.MentorId, MentorSince = e.AssignedAt },
        MentorUnassigned => s with { MentorId = null, MentorSince = null },
        MentoringContactRecorded e => s with { MentoringContacts = s.MentoringContacts.Add(e.ContactId) },
        ReleasePlanned e => s with { ExpectedReleaseDate = e.ExpectedReleaseDate, SavingsPayout = e.SavingsPayout, FollowUpPlannedOn = e.FollowUpPlannedOn },
        InmateReleased e => s with { Status = InmateStatus.Released, WardId = null, SegregatedSince = null, ReleasedAt = e.ReleasedAt },
        PostReleaseFollowUpRecorded => s with { },
        AttributionConsentGiven => s with { ConsentToAttribution = true },
        AttributionConsentWithdrawn => s with { ConsentToAttribution = false },
        InmateRecordCorrected e => e.Corrections.Aggregate(s, ApplyCorrection),
        _ => null,
    };

    private static InmateState WithIncident(InmateState s, Guid incidentId, Func<CustodyIncident, CustodyIncident> change) =>
        s with { IncidentRecords = s.Incidents.Select(i => i.IncidentId == incidentId ? change(i) : i).ToImmutableList() };
    private static InmateState WithCertificate(InmateState s, string number, Func<InmateCertificate, InmateCertificate> change) =>
        s.Certificates.TryGetValue(number, out var c) ? s with { Certificates = s.Certificates.SetItem(number, change(c)) } : s with { };

    private static DateTimeOffset Latest(DateTimeOffset known, DateTimeOffset? at) => at is { } a && a > known ? a : known;

    private static InmateState ApplyCorrection(InmateState s, FieldCorrection c) => c.Field switch
    {
        CorrectableFields.Sex when CorrectableFields.TryParseSex(c.CorrectedValue, out var sex) => s with { Sex = sex },
        CorrectableFields.DateOfBirth when CorrectableFields.TryParseDate(c.CorrectedValue, out var dob) => s with { DateOfBirth = dob },
        _ => s with { },
    };
}
