using SecondChance.Domain.Access;

namespace SecondChance.Host.Security;

/// <summary>
/// One authorization policy per capability. Every endpoint names one of these with
/// <c>.RequireAuthorization(Policies.X)</c>, or says <c>.AllowAnonymous()</c> (catalogue, health, OpenAPI, sign-in only).
/// Facility and programme scope is checked per request on top of the policy (see <see cref="Scope"/>).
/// </summary>
public static class Policies
{
    /// <summary>Users, grants, erasure, facilities set-up, projection operations.</summary>
    public const string Administer = "administer";
    /// <summary>Admit, house, transfer, segregate, screen, release, correct: facility staff at their facilities.</summary>
    public const string RecordJourneys = "record-journeys";
    /// <summary>Open programmes, enrol, complete, certify, produce/list/show/sell items: instructors at their programmes, staff at their facilities.</summary>
    public const string TeachProgrammes = "teach-programmes";
    /// <summary>Register and vet mentors, assign them, record mentoring contacts.</summary>
    public const string CoordinateMentors = "coordinate-mentors";
    /// <summary>Credit wages, deductions, remittances, payout, reversals: facility staff at their facilities.</summary>
    public const string RecordWages = "record-wages";
    /// <summary>Wage accounts, statements, totals, sales, trial balance (auditors: all facilities, read only).</summary>
    public const string ReadFinancial = "read-financial";
    /// <summary>Compliance timelines and findings (oversight; names redacted without personal-data access).</summary>
    public const string ReadCompliance = "read-compliance";
    /// <summary>Inmate, programme, item, mentor records and directories (any staff role; oversight sees them redacted).</summary>
    public const string ReadRecords = "read-records";
    /// <summary>Aggregate read models: dashboard and the like.</summary>
    public const string ReadReadModels = "read-read-models";
    /// <summary>Who looked at whom, and users/grants history: auditors and administrators.</summary>
    public const string ReadAudit = "read-audit";
    /// <summary>
    /// Lodge, handle and read complaints: staff those lodged with them at their facilities, oversight everywhere and
    /// alone those addressed to it (see <c>ComplaintDecider</c> and <c>ComplaintViews</c>).
    /// </summary>
    public const string HandleComplaints = "handle-complaints";
    /// <summary>Partner organisations, memoranda of understanding, partners' orders, deliveries and payments: staff at their facilities.</summary>
    public const string TradeWithPartners = "trade-with-partners";
    /// <summary>Any signed-in, active user (e.g. /auth/me).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Which roles hold each policy. Administrators hold every policy.</summary>
    public static readonly IReadOnlyDictionary<string, Role[]> Holders = new Dictionary<string, Role[]>
    {
        [Administer] = [Role.Administrator],
        [RecordJourneys] = [Role.Administrator, Role.FacilityStaff],
        [TeachProgrammes] = [Role.Administrator, Role.FacilityStaff, Role.Instructor],
        [CoordinateMentors] = [Role.Administrator, Role.MentorCoordinator],
        [RecordWages] = [Role.Administrator, Role.FacilityStaff],
        [ReadFinancial] = [Role.Administrator, Role.Auditor, Role.FacilityStaff],
        [ReadCompliance] = [Role.Administrator, Role.Oversight, Role.Auditor, Role.FacilityStaff],
        [ReadRecords] = [Role.Administrator, Role.FacilityStaff, Role.Instructor, Role.MentorCoordinator, Role.Auditor, Role.Oversight],
        [ReadReadModels] = [Role.Administrator, Role.FacilityStaff, Role.Instructor, Role.MentorCoordinator, Role.Auditor, Role.Oversight],
        [ReadAudit] = [Role.Administrator, Role.Auditor],
        [HandleComplaints] = [Role.Administrator, Role.FacilityStaff, Role.Oversight],
        [TradeWithPartners] = [Role.Administrator, Role.FacilityStaff],
        [SignedIn] = Enum.GetValues<Role>(),
    };
}
