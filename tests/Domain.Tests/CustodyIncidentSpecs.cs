using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class CustodyIncidentSpecs
{
    private static readonly Guid IncidentId = Id(700);
    private static readonly DateTimeOffset Happened = Now.AddDays(-2);

    private static CustodyIncidentRecorded Death() => new(InmateId, IncidentId, CustodyIncidentKind.Death, Happened, "Barrack 4", "Found unresponsive at roll call");

    [Fact]
    public void A_death_is_recorded_with_where_and_what_is_known() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordCustodyIncident(InmateId, IncidentId, CustodyIncidentKind.Death, Happened, " Barrack 4 ",
                "Found unresponsive at roll call"), Now))
            .ThenEmits(Death());

    [Fact]
    public void An_incident_needs_what_is_known() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordCustodyIncident(InmateId, IncidentId, CustodyIncidentKind.SeriousInjury, Happened, "Yard", " "), Now))
            .ThenRefused(RefusalCodes.InvalidField);

    [Fact]
    public void The_same_incident_id_twice_is_refused() =>
        GivenInmate(Admitted(), Death() with { Kind = CustodyIncidentKind.SeriousInjury })
            .When(s => InmateDecider.Decide(s, new RecordCustodyIncident(InmateId, IncidentId, CustodyIncidentKind.SeriousInjury, Happened, "Yard", "Fall"), Now))
            .ThenRefused(RefusalCodes.IncidentAlreadyRecorded);

    [Fact]
    public void An_incident_in_the_future_is_refused() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordCustodyIncident(InmateId, IncidentId, CustodyIncidentKind.Disappearance, TooLate, "Gate", "Missing"), Now))
            .ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void A_death_ends_custody_so_a_later_housing_or_segregation_is_refused() =>
        GivenInmate(Admitted(), Death())
            .When(s => InmateDecider.Decide(s, new StartSegregation(InmateId, "Fight", "Superintendent", Now), Now))
            .ThenRefused(RefusalCodes.InmateDied);

    [Fact]
    public void After_a_death_no_wage_is_credited_to_the_inmate() =>
        GivenWageAccount()
            .When(a => WageAccountDecider.Decide(a, GivenInmate(Admitted(), Death()).State, GivenFacility(Facility()).State,
                new CreditWage(InmateId, Id(701), WageKind.PieceWork, 10_000, "PKR", "March piece-work", Now), Now))
            .ThenRefused(RefusalCodes.InmateDied);

    [Fact]
    public void After_a_death_the_family_can_still_be_notified() =>
        GivenInmate(Admitted(), Death())
            .When(s => InmateDecider.Decide(s, new NotifyFamilyOfIncident(InmateId, IncidentId, "Brother, Kamran Raza", "Welfare officer", Now), Now))
            .ThenEmits(new IncidentFamilyNotified(InmateId, IncidentId, "Brother, Kamran Raza", "Welfare officer", Now));

    [Fact]
    public void A_serious_injury_does_not_end_custody() =>
        GivenInmate(Admitted(), Death() with { Kind = CustodyIncidentKind.SeriousInjury })
            .When(s => InmateDecider.Decide(s, new StartSegregation(InmateId, "Protection", "Superintendent", Now), Now))
            .ThenEmits(new SegregationStarted(InmateId, "Protection", "Superintendent", Now));

    [Fact]
    public void A_report_before_the_incident_is_refused() =>
        GivenInmate(Admitted(), Death())
            .When(s => InmateDecider.Decide(s, new ReportIncidentToAuthority(InmateId, IncidentId, "Sessions Judge", "", Happened.AddMinutes(-1)), Now))
            .ThenRefused(RefusalCodes.BeforeIncident);

    [Fact]
    public void A_report_about_an_unknown_incident_is_refused() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new ReportIncidentToAuthority(InmateId, IncidentId, "Sessions Judge", "", Now), Now))
            .ThenRefused(RefusalCodes.IncidentNotFound);

    [Fact]
    public void A_second_report_is_refused() =>
        GivenInmate(Admitted(), Death(), new IncidentReportedToAuthority(InmateId, IncidentId, "Sessions Judge", "", Happened.AddHours(3)))
            .When(s => InmateDecider.Decide(s, new ReportIncidentToAuthority(InmateId, IncidentId, "Sessions Judge", "", Now), Now))
            .ThenRefused(RefusalCodes.IncidentStepAlreadyRecorded);

    [Fact]
    public void An_investigation_concludes_only_once_opened() =>
        GivenInmate(Admitted(), Death())
            .When(s => InmateDecider.Decide(s, new ConcludeIncidentInvestigation(InmateId, IncidentId, "Natural causes", Now), Now))
            .ThenRefused(RefusalCodes.InvestigationNotOpened);

    [Fact]
    public void An_opened_investigation_concludes_with_its_outcome() =>
        GivenInmate(Admitted(), Death(), new IncidentInvestigationOpened(InmateId, IncidentId, "Judicial Magistrate", Happened.AddDays(1)))
            .When(s => InmateDecider.Decide(s, new ConcludeIncidentInvestigation(InmateId, IncidentId, "Heart failure; no fault found", Now), Now))
            .ThenEmits(new IncidentInvestigationConcluded(InmateId, IncidentId, "Heart failure; no fault found", Now));
}
