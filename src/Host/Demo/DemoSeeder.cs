using Wolverine;
using SecondChance.Application;
using SecondChance.Application.Facilities;
using SecondChance.Application.Inmates;
using SecondChance.Application.Items;
using SecondChance.Application.Mentors;
using SecondChance.Application.Programmes;
using SecondChance.Application.Wages;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using static SecondChance.Host.Demo.DemoWorld;

namespace SecondChance.Host.Demo;

/// <summary>
/// Writes two years of demo life through the same use-case handlers the API calls, through Wolverine's bus. Deterministic: a fixed random
/// seed, name-based ids, and times as fixed offsets from midnight (UTC) of the day it runs. A database that already
/// holds the demo facility is left alone.
/// </summary>
public sealed partial class DemoSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const int DefaultInmates = 360;
    private const string Currency = "PKR";
    private DateTimeOffset _now;
    private int _commands, _refused;
    private IMessageBus? _bus;

    public Task<bool> AlreadySeededAsync(CancellationToken ct) => AlreadySeededAsync(Karachi, ct);

    /// <summary>Whether the current tenant's database (<see cref="SecondChance.Integrity.Tenancy.TenantScope"/>) holds the facility's part of the demo.</summary>
    public async Task<bool> AlreadySeededAsync(FacilityPlan facility, CancellationToken ct) =>
        (await services.GetRequiredService<Streams>().FacilityAsync(facility.Id, ct)).Exists;

    public async Task<DemoSeedResult> SeedAsync(int inmates = DefaultInmates, CancellationToken ct = default)
    {
        if (await AlreadySeededAsync(ct))
        {
            logger.LogInformation("Demo data is already present; nothing to seed");
            return new DemoSeedResult(false, 0, 0);
        }
        return await SeedFacilitiesAsync(Facilities, inmates, ct);
    }

    /// <summary>
    /// One facility and everything that belongs to it (its programmes, mentors, partners, orders, ventures and its
    /// share of the <paramref name="inmates"/>), in the current tenant's database: the province mode's part of a province.
    /// </summary>
    public async Task<DemoSeedResult> SeedFacilityAsync(FacilityPlan facility, int inmates = DefaultInmates, CancellationToken ct = default)
    {
        if (await AlreadySeededAsync(facility, ct))
        {
            logger.LogInformation("Demo data of {Facility} is already present; nothing to seed", facility.Name);
            return new DemoSeedResult(false, 0, 0);
        }
        return await SeedFacilitiesAsync([facility], inmates, ct);
    }

    private async Task<DemoSeedResult> SeedFacilitiesAsync(IReadOnlyList<FacilityPlan> facilities, int inmates, CancellationToken ct)
    {
        // every command goes through Wolverine, as the API's do (the Host must be started: the seed-demo verb starts it)
        await using var scope = services.CreateAsyncScope();
        _bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        _commands = _refused = 0;
        _now = clock.GetUtcNow();
        var today = new DateTimeOffset(_now.UtcDateTime.Date, TimeSpan.Zero);
        var origin = today.AddDays(-730);
        var random = new Random(20240607);

        await SeedFacilitiesAsync(facilities, origin, ct);
        await SeedMentorsAsync(facilities, origin, ct);
        await SeedPartnersAsync(facilities, origin, today, ct);
        for (var i = 0; i < inmates; i++)
            if (facilities.Contains(FacilityOf(i)))
                await SeedInmateAsync(i, origin, today, random, ct);
        if (facilities.Contains(Karachi))
        {
            await SeedRightsCasesAsync(today, ct);
            await SeedComplaintCasesAsync(today, ct);
            await SeedOrdersAsync(today, ct);
        }
        if (facilities.Contains(Peshawar)) await SeedVenturesAsync(today, ct);
        logger.LogInformation("Seeded demo data of {Facilities}: {Inmates} inmates, {Commands} commands, {Refused} refused",
            string.Join(", ", facilities.Select(f => f.Name)), Enumerable.Range(0, inmates).Count(i => facilities.Contains(FacilityOf(i))), _commands, _refused);
        return new DemoSeedResult(true, _commands, _refused);
    }

    private async Task SeedFacilitiesAsync(IReadOnlyList<FacilityPlan> facilities, DateTimeOffset origin, CancellationToken ct)
    {
        foreach (var f in facilities)
        {
            await Run(f.Actor, new RegisterFacility(f.Id, f.Name, f.Code, "Asia/Karachi", true), ct);
            foreach (var w in f.Wards)
            {
                await Run(f.Actor, new AddWard(f.Id, w.Id, w.Name, w.Category, w.Designation), ct);
                await Run(f.Actor, new CertifyWardCapacity(f.Id, w.Id, w.Name == RemandAnnexe ? 2 : 120, "Inspector General of Prisons", origin), ct);
            }
            await Run(f.Actor, 
                new AdoptProceedsPolicy(f.Id, DateOnly.FromDateTime(origin.UtcDateTime), 6000, 2500, 1500, 2500, 1000), ct);
            await Run(f.Actor, new SetComplianceThresholds(f.Id, 15, 24), ct);
        }
        foreach (var p in Programmes.Where(p => facilities.Any(f => f.Id == p.FacilityId)))
        {
            var actor = Facilities.Single(f => f.Id == p.FacilityId).Actor;
            await Run(actor, new OpenProgramme(p.Id, p.FacilityId, p.Name, p.Craft, p.Skills, 400,
                Id($"instructor:{p.Instructor}"), p.Instructor, DateOnly.FromDateTime(origin.UtcDateTime)), ct);
        }
    }

    private async Task SeedMentorsAsync(IReadOnlyList<FacilityPlan> facilities, DateTimeOffset origin, CancellationToken ct)
    {
        var n = 0;
        foreach (var m in Mentors)
        {
            n++;
            if (!facilities.Any(f => MentorsOf(f).Contains(m))) continue;
            await Run("demo:mentor.coordinator", 
                new RegisterMentor(m.Id, m.Name, $"35202-{4400000 + n * 1117:0000000}-{n % 10}", $"0300-{5550000 + n * 311:0000000}", m.Organisation), ct);
            await Run("demo:mentor.coordinator", 
                new VetMentor(m.Id, "Deputy Superintendent (Welfare)", DateOnly.FromDateTime(origin.UtcDateTime.AddDays(n)), $"VET-{n:000}"), ct);
        }
    }

    private async Task SeedInmateAsync(int i, DateTimeOffset origin, DateTimeOffset today, Random r, CancellationToken ct)
    {
        var f = FacilityOf(i);
        var karachi = f == Karachi;
        var actor = f.Actor;
        var female = karachi && r.Next(100) < 35;
        var admitted = origin.AddDays(r.Next(0, 700)).AddHours(8 + r.Next(9)).AddMinutes(r.Next(60));
        var juvenile = karachi && !female && admitted > today.AddDays(-300) && r.Next(100) < 30;
        var dob = juvenile
            ? DateOnly.FromDateTime(today.UtcDateTime).AddDays(-(16 * 365 + r.Next(200)))
            : DateOnly.FromDateTime(admitted.UtcDateTime).AddYears(-(19 + r.Next(36))).AddDays(-r.Next(365));
        var convicted = r.Next(100) < 60;
        var first = female ? WomenFirst[r.Next(WomenFirst.Length)] : MenFirst[r.Next(MenFirst.Length)];
        var name = $"{first} {Family[r.Next(Family.Length)]}";
        var id = Id($"inmate:{i}");
        var number = $"{f.Code}-{admitted.Year}-{i + 1:0000}";
        var cnic = $"{(karachi ? "42101" : "17301")}-{1000000 + i * 7919 % 8999999:0000000}-{i % 10}";
        var consent = r.Next(100) < 45;
        var legal = convicted ? LegalStatus.Convicted : LegalStatus.Remand;
        if (!await Run(actor, new AdmitInmate(id, f.Id, number, name, cnic, female ? Sex.Female : Sex.Male,
                dob, legal, karachi ? "Judicial Magistrate, Karachi South" : "Sessions Court, Peshawar", admitted, consent), ct)) return;

        var ward = f.Wards.First(w => w.Category == (juvenile ? WardCategory.JuvenileMale : female ? WardCategory.AdultFemale : WardCategory.AdultMale)
                                      && w.Designation == (convicted ? WardDesignation.Convicted : WardDesignation.Untried));
        await Run(actor, new HouseInmate(id, ward.Id, HousedAt: admitted.AddHours(1)), ct);

        // a few screenings recorded days late: the screening_missed finding
        var screened = admitted.AddHours(i % 97 == 5 ? 62 + r.Next(30) : 2 + r.Next(10));
        var femaleScreening = female ? new FemaleEntryScreening(r.Next(100) < 6, r.Next(100) < 8, r.Next(100) < 10 ? 1 : 0) : null;
        await Run(actor, new RecordMedicalScreening(id, screened,
            karachi ? "Dr. Saima Jatoi (medical officer)" : "Dr. Hamid Khattak (medical officer)", "Entry screening: fit for work; TB test negative", femaleScreening), ct);

        // segregation: mostly short; every 89th is kept 25 days, past the 15-day limit
        if (!juvenile && !female && (i % 89 == 7 || r.Next(100) < 4))
        {
            var start = admitted.AddDays(12);
            var days = i % 89 == 7 ? 25 : 2 + r.Next(4);
            await Run(actor, new StartSegregation(id, "Fight in barrack", "Superintendent", start), ct);
            await Run(actor, new EndSegregation(id, "Review board decision", "Superintendent", start.AddDays(days)), ct);
        }

        await SeedComplaintsAsync(i, id, actor, admitted, ct);

        // most sentenced inmates get a rehabilitation plan ten days in; every seventh has none (plan_missing)
        if (convicted && i % 7 != 3 && Past(admitted.AddDays(10)))
        {
            var planned = admitted.AddDays(10);
            var by = DateOnly.FromDateTime(planned.UtcDateTime);
            await Run(actor, new DrawUpRehabilitationPlan(id,
            [
                new PlanGoal(Id($"goal:{i}:skill"), PlanGoalKind.Skill, "Certified in a workshop craft", by.AddMonths(6), "Workshop instructor"),
                new PlanGoal(Id($"goal:{i}:literacy"), PlanGoalKind.Literacy, "Reads and writes Urdu at grade 5", by.AddMonths(9), "Education officer"),
                new PlanGoal(Id($"goal:{i}:work"), PlanGoalKind.WorkAfterRelease, "A job or trade arranged before release", by.AddMonths(12), "Welfare officer"),
            ], "Welfare officer", planned), ct);
            if (Past(planned.AddDays(90)))
                await Run(actor, new ReviewPlanGoal(id, Id($"goal:{i}:skill"), i % 3 == 0 ? PlanGoalOutcome.Behind : PlanGoalOutcome.OnTrack,
                    "Quarterly review with the instructor", "Welfare officer", planned.AddDays(90)), ct);
        }

        var releaseAt = admitted.AddDays(160 + r.Next(500)).Date is var d ? new DateTimeOffset(d, TimeSpan.Zero).AddHours(9) : default;
        var programme = ChooseProgramme(f, female, juvenile, r);
        var enrolled = programme is not null && r.Next(100) < 78;
        var enrolledAt = admitted.AddDays(7 + r.Next(25));
        var completeAt = enrolledAt.AddDays(90 + r.Next(60));
        var active = false;
        if (enrolled && Past(enrolledAt))
        {
            var p = programme!;
            await Run(p.Instructor, new EnrolInmate(id, p.Id, enrolledAt), ct);
            active = true;
            var end = Min(completeAt, Min(releaseAt, _now));
            var k = 0;
            for (var month = enrolledAt.AddDays(30); month < end; month = month.AddDays(30), k++)
            {
                var amount = 150_000L + r.Next(16) * 10_000L;
                var posting = Id($"wage:{i}:{k}");
                var at = month;
                await Run(actor, new CreditWage(id, posting, p.Craft == Craft.IT ? WageKind.Wage : WageKind.PieceWork,
                    amount, Currency, $"{(p.Craft == Craft.IT ? "Office assistant wage" : "Workshop piece-work")} for {at:MMMM yyyy}", at), ct);
                if (k == 1 && r.Next(100) < 35)
                    await Run(actor, new RemitToFamily(id, Id($"remit:{i}"), amount / 20, Currency,
                        "Mother (money order)", at.AddDays(3)), ct);
            }
            if (p.Products.Length > 0) await SeedItemsAsync(i, id, p, f, enrolledAt, end, r, ct);
            if (Past(completeAt) && completeAt < releaseAt)
            {
                await Run(p.Instructor, new CompleteProgramme(id, p.Id, completeAt), ct);
                active = false;
                var certificate = $"{f.Code}-{p.Craft.ToString().ToUpperInvariant()}-{i + 1:0000}";
                if (r.Next(100) < 85
                    && await Run(p.Instructor, new CertifySkill(id, p.Id, p.Skills[r.Next(p.Skills.Length)],
                        r.Next(100) < 70 ? "Level 1" : "Level 2", $"{p.Instructor} (TEVTA assessor)", certificate, completeAt.AddDays(1)), ct))
                    await SeedCertificateAsync(i, id, certificate, actor, p.Instructor, completeAt, ct);
            }
        }

        var plannedAt = admitted.AddDays(14);
        await Run(actor, new PlanRelease(id, DateOnly.FromDateTime(releaseAt.UtcDateTime),
            Past(plannedAt) ? plannedAt : null), ct);
        var mentors = MentorsOf(f);
        var mentor = mentors[r.Next(mentors.Count)];
        var mentored = r.Next(100) < (female ? 80 : 50);
        var assignedAt = Max(admitted.AddDays(1), releaseAt.AddDays(-120));
        if (mentored && Past(assignedAt))
        {
            await Run("demo:mentor.coordinator", new AssignMentor(id, mentor.Id, assignedAt), ct);
            foreach (var before in new[] { 100, 60, 20 })
            {
                var at = releaseAt.AddDays(-before);
                if (at > assignedAt && Past(at))
                    await Run("demo:mentor.coordinator", new RecordMentoringContact(id,
                        Id($"contact:{i}:{before}"), mentor.Id, at, before == 20 ? ContactMode.InPerson : ContactMode.Phone, ReleasePhase.BeforeRelease,
                        before == 20 ? "Release plan agreed: family visit, job lead" : "Check-in on programme and family contact"), ct);
            }
        }
        if (!Past(releaseAt.AddDays(1))) return;

        if (active)
            await Run(programme!.Instructor, 
                new WithdrawFromProgramme(id, programme.Id, "Released before the course ended", releaseAt.AddHours(-2)), ct);
        await Run(actor, new ReleaseInmate(id, releaseAt, convicted ? "Sentence served" : "Bail granted"), ct);
        // one in 61 leaves without the savings payout: the savings_not_paid_at_release finding
        if (i % 61 != 11)
            await Run(actor, new PayOutAtRelease(id, Id($"payout:{i}"), releaseAt.AddHours(1)), ct,
                quietRefusal: "nothing_to_pay_out");
        foreach (var after in new[] { 30, 90 })
        {
            var at = releaseAt.AddDays(after);
            if (!Past(at)) break;
            var reached = r.Next(100) < 75;
            await Run(actor, new RecordPostReleaseFollowUp(id, at,
                reached ? (r.Next(100) < 55 ? EmploymentStatus.Employed : EmploymentStatus.SelfEmployed) : EmploymentStatus.Unknown,
                reached ? HousingStatus.WithFamily : HousingStatus.Unknown, reached ? ContactOutcome.Reached : ContactOutcome.NotReached,
                reached ? "Working in a workshop near home" : "Phone switched off"), ct);
        }
    }

    /// <summary>
    /// Complaints: every 23rd inmate's about food, answered in time; the inmate kept 25 days in segregation complained
    /// about a warder a week before it (possible_reprisal) and waited 40 days for the decision (complaint_unanswered);
    /// every 97th wrote to the oversight body, which has not decided (a confidential complaint_unanswered).
    /// </summary>
    private async Task SeedComplaintsAsync(int i, Guid inmate, string actor, DateTimeOffset admitted, CancellationToken ct)
    {
        async Task Lifecycle(Guid complaint, DateTimeOffset lodged, int decidedAfterDays, bool upheld, string by, bool oversight)
        {
            var steps = new (int Day, object Command)[]
            {
                (1, new AcknowledgeComplaint(inmate, complaint, by, lodged.AddDays(1), oversight)),
                (3, new OpenComplaintInvestigation(inmate, complaint, "Deputy superintendent (inquiry officer)", lodged.AddDays(3), oversight)),
                (decidedAfterDays, new DecideComplaint(inmate, complaint, upheld ? ComplaintOutcome.Upheld : ComplaintOutcome.NotUpheld,
                    upheld ? "Menu restored; kitchen contractor warned" : null, "Superintendent", lodged.AddDays(decidedAfterDays), oversight)),
            };
            foreach (var (day, command) in steps)
                if (Past(lodged.AddDays(day))) await Run(oversight ? "demo:oversight" : actor, command, ct);
        }

        if (i % 23 == 4 && Past(admitted.AddDays(30)))
        {
            var c = Id($"complaint:food:{i}");
            await Run(actor, new LodgeComplaint(c, inmate, ComplaintChannel.ThroughStaff, ComplainantKind.Inmate, "(the inmate)", ComplaintCategory.Food,
                false, "Dal served cold and short for a week", "Welfare officer", admitted.AddDays(20)), ct);
            await Lifecycle(c, admitted.AddDays(20), 14, upheld: true, "Welfare officer", oversight: false);
        }
        if (i % 89 == 7 && Past(admitted.AddDays(5)))
        {
            var c = Id($"complaint:warder:{i}");
            await Run(actor, new LodgeComplaint(c, inmate, ComplaintChannel.ThroughStaff, ComplainantKind.FamilyMember, "Shamim Akhtar (mother)",
                ComplaintCategory.Extortion, true, "A warder asks for money before each family visit", "Welfare officer", admitted.AddDays(5)), ct);
            await Lifecycle(c, admitted.AddDays(5), 40, upheld: false, "Deputy superintendent", oversight: false);
        }
        if (i % 97 == 30 && Past(admitted.AddDays(20)))
            await Run("demo:oversight", new LodgeComplaint(Id($"complaint:oversight:{i}"), inmate, ComplaintChannel.ToOversight, ComplainantKind.Lawyer,
                "Advocate Farah Siddiqui", ComplaintCategory.Treatment, true, "Client reports beatings in the segregation block",
                "Provincial ombudsman's office", admitted.AddDays(20), ByOversight: true), ct);
    }

    private async Task SeedItemsAsync(int i, Guid maker, ProgrammePlan p, FacilityPlan f, DateTimeOffset from, DateTimeOffset until, Random r, CancellationToken ct)
    {
        var count = 1 + r.Next(3);
        for (var k = 0; k < count; k++)
        {
            var produced = from.AddDays(20 + k * 25 + r.Next(10));
            if (produced >= until) break;
            var item = Id($"item:{i}:{k}");
            var description = p.Products[r.Next(p.Products.Length)];
            var price = (1_500L + r.Next(20) * 500L) * 100;
            await Run(p.Instructor, new ProduceItem(item, f.Id, p.Id, description, p.Craft,
                [new MakerWork(maker, 600 + r.Next(1800))], price / 5, Currency, produced), ct);
            if (!Past(produced.AddDays(2))) continue;
            await Run(p.Instructor, new ListItem(item, price, Currency, produced.AddDays(2)), ct);
            var exhibited = r.Next(100) < 50 && Past(produced.AddDays(10));
            if (exhibited)
                await Run(p.Instructor, new ShowItem(item, SaleChannel.Exhibition,
                    f == Karachi ? "Arts Council of Pakistan, Karachi" : "Nishtar Hall, Peshawar", produced.AddDays(10)), ct);
            var soldAt = produced.AddDays(exhibited ? 10 : 15 + r.Next(20));
            var (channel, partner) = SaleRoute(f, exhibited, i, k);
            if (r.Next(100) < 65 && soldAt < until && Past(soldAt))
                await Run(p.Instructor, new SellItem(item, Id($"sale:{i}:{k}"), price, Currency, channel, $"Receipt {f.Code}-{i + 1:0000}-{k + 1}",
                    soldAt, partner), ct);
        }
    }

    private static ProgrammePlan? ChooseProgramme(FacilityPlan f, bool female, bool juvenile, Random r)
    {
        var choices = Programmes.Where(p => p.FacilityId == f.Id && (p.Craft == Craft.IT || p.ForWomen == female)
                                            && (!juvenile || p.Craft is Craft.IT or Craft.Garments)).ToList();
        return choices.Count == 0 ? null : choices[r.Next(choices.Count)];
    }

    private bool Past(DateTimeOffset at) => at < _now.AddMinutes(-1);
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    /// <summary>
    /// Every certificate has its verification code; every third holder agrees to be named when it is verified, and an
    /// occasional one is revoked (chosen by number, not by the random stream, so the rest of the demo stays as it was).
    /// </summary>
    private async Task SeedCertificateAsync(int i, Guid inmate, string certificate, string actor, string instructor, DateTimeOffset completeAt, CancellationToken ct)
    {
        if (i % 3 == 0 && Past(completeAt.AddDays(2)))
            await Run(actor, new GiveCertificateHolderConsent(inmate, certificate, completeAt.AddDays(2)), ct);
        if (i % 25 == 7 && Past(completeAt.AddDays(30)))
            await Run(instructor, new RevokeCertificate(inmate, certificate,
                "The assessing body could not confirm the assessment record", completeAt.AddDays(30)), ct);
    }

    private async Task<bool> Run(string actor, object command, CancellationToken ct, string? quietRefusal = null)
    {
        _commands++;
        var context = new CommandContext(actor.StartsWith("demo:") ? actor : $"demo:instructor:{actor}", Id($"correlation:{_commands}"));
        var result = await _bus!.SendAsync(command, context, ct);
        if (result.Status == CommandStatus.Accepted) return true;
        if (result.Refusal?.Code == quietRefusal) return false;
        _refused++;
        logger.LogWarning("Demo command {Number} not accepted: {Status} {Code} {Message}", _commands, result.Status, result.Refusal?.Code, result.Refusal?.Message);
        return false;
    }
}

public sealed record DemoSeedResult(bool Seeded, int Commands, int Refused);
