namespace SecondChance.Domain.Compliance;

/// <summary>A rights rule that findings refer to: its stable code, a plain title, the instruments it comes from and what it checks.</summary>
public sealed record ComplianceRule(string Code, string Title, string Source, string Summary)
{
    public static readonly ComplianceRule ProlongedSegregation = new("prolonged_segregation", "Prolonged segregation",
        "UN Nelson Mandela Rules 43-44", "Segregation longer than the facility limit (default 15 consecutive days).");
    public static readonly ComplianceRule SegregationOfProtectedPerson = new("segregation_of_protected_person", "Segregation of a protected person",
        "UN Nelson Mandela Rule 45(2); UN Bangkok Rule 22", "Segregation of a juvenile, a pregnant woman, a breastfeeding mother or a woman with a child.");
    public static readonly ComplianceRule JuvenileWithAdults = new("juvenile_with_adults", "Juvenile housed with adults",
        "UN Nelson Mandela Rule 11(d)", "A juvenile housed in an adult ward.");
    public static readonly ComplianceRule WomanWithMen = new("sexes_not_separated", "Women and men not separated",
        "UN Nelson Mandela Rule 11(a)", "A woman housed in a men's ward, or a man in a women's ward.");
    public static readonly ComplianceRule UntriedWithConvicted = new("untried_with_convicted", "Untried housed with convicted",
        "UN Nelson Mandela Rule 11(b)", "An untried inmate housed with convicted ones (or the reverse) where the facility separates them.");
    public static readonly ComplianceRule ScreeningMissed = new("screening_missed", "Medical screening missed or late",
        "UN Nelson Mandela Rule 30; UN Bangkok Rule 6", "No medical screening (for women, the entry health screening) within the deadline after admission (default 24 hours).");
    public static readonly ComplianceRule SavingsPartMissing = new("savings_part_missing", "No savings set aside from earnings",
        "UN Nelson Mandela Rule 103(3)", "A wage or sale credit with no part set aside as savings.");
    public static readonly ComplianceRule SavingsNotPaidAtRelease = new("savings_not_paid_at_release", "Savings not paid at release",
        "UN Nelson Mandela Rule 103(3)", "A release with savings held and no savings payout.");
    public static readonly ComplianceRule WomanReleasedWithoutMentoring = new("woman_released_without_mentoring", "Woman released without mentoring",
        "Welfare policy (UN Bangkok Rules 45-47 on release preparation)", "A woman released without a mentoring contact in the 90 days before release.");

    public static readonly ComplianceRule ComplaintUnanswered = new("complaint_unanswered", "Complaint unanswered",
        "UN Nelson Mandela Rules 56-57; Sindh Prisons and Corrections Service Act 2019", "A complaint with no decision within the facility limit (default 30 days).");
    public static readonly ComplianceRule PossibleReprisal = new("possible_reprisal", "Possible reprisal for a complaint",
        "UN Nelson Mandela Rule 57(2)", "A complainant segregated, restrained, transferred or withdrawn from a workshop within 30 days after a complaint about staff.");

    public static readonly ComplianceRule WardOverCapacity = new("ward_over_capacity", "Ward over capacity",
        "UN Nelson Mandela Rules 12-13", "A ward holding more people than its certified capacity for more than the facility limit (default 7 consecutive days).");
    public static readonly ComplianceRule ProhibitedInstrument = new("prohibited_instrument", "Prohibited restraint used",
        "UN Nelson Mandela Rule 47(1)", "Any use of chains, leg irons or fetters.");
    public static readonly ComplianceRule RestraintAsPunishment = new("restraint_as_punishment", "Restraint used as punishment",
        "UN Nelson Mandela Rules 43(2), 47(2)", "A restraint whose recorded reason is discipline.");
    public static readonly ComplianceRule ProlongedRestraint = new("prolonged_restraint", "Prolonged restraint",
        "UN Nelson Mandela Rules 47(2), 48(1)(c)", "A restraint spell longer than the facility limit (default 4 hours).");
    public static readonly ComplianceRule RestraintOfWomanInLabour = new("restraint_of_woman_in_labour", "Woman restrained in labour",
        "UN Nelson Mandela Rule 48(2); UN Bangkok Rule 24", "A restraint spell overlapping a recorded labour or delivery.");
    public static readonly ComplianceRule CustodyDeathNotReported = new("custody_death_not_reported", "Death, serious injury or disappearance not reported",
        "UN Nelson Mandela Rule 71(1)", "A death, serious injury or disappearance in custody not reported to an independent authority within the facility limit (default 24 hours).");
    public static readonly ComplianceRule FamilyNotNotified = new("family_not_notified", "Family not notified",
        "UN Nelson Mandela Rules 68-69", "The family not notified of a death, serious injury or disappearance within the facility limit (default 24 hours).");
    public static readonly ComplianceRule InvestigationOpen = new("investigation_open", "Investigation not concluded",
        "UN Nelson Mandela Rules 71-72", "No concluded investigation of a death, serious injury or disappearance within 180 days.");
    public static readonly ComplianceRule MotherWithoutChildContact = new("mother_without_child_contact", "Mother without contact with her children",
        "UN Nelson Mandela Rule 58; UN Bangkok Rules 26, 28", "A woman whose entry screening recorded children outside, with no contact with a child for longer than the facility limit (default 30 days).");

    public static readonly ComplianceRule PlanMissing = new("plan_missing", "Rehabilitation plan missing",
        "Sindh Prisons and Corrections Service Act 2019 (a correctional plan for each sentenced prisoner)",
        "A sentenced inmate without a rehabilitation plan more than the facility limit (default 30 days) after conviction.");

    public static IReadOnlyList<ComplianceRule> All { get; } =
    [
        ProlongedSegregation, SegregationOfProtectedPerson, JuvenileWithAdults, WomanWithMen, UntriedWithConvicted,
        ScreeningMissed, SavingsPartMissing, SavingsNotPaidAtRelease, WomanReleasedWithoutMentoring,
        ComplaintUnanswered, PossibleReprisal, WardOverCapacity, PlanMissing,
        ProhibitedInstrument, RestraintAsPunishment, ProlongedRestraint, RestraintOfWomanInLabour,
        CustodyDeathNotReported, FamilyNotNotified, InvestigationOpen, MotherWithoutChildContact,
    ];

    /// <summary>The rules judged on complaints, whose notices only oversight may read.</summary>
    public static IReadOnlyList<string> OnComplaints { get; } = [ComplaintUnanswered.Code, PossibleReprisal.Code];

    public static ComplianceRule? ByCode(string code) => All.FirstOrDefault(r => r.Code == code);
}
