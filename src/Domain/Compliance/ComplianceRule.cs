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
        "UN Nelson Mandela Rule 57(2)", "A complainant segregated, transferred or withdrawn from a workshop within 30 days after a complaint about staff.");

    public static readonly ComplianceRule WardOverCapacity = new("ward_over_capacity", "Ward over capacity",
        "UN Nelson Mandela Rules 12-13", "A ward holding more people than its certified capacity for more than the facility limit (default 7 consecutive days).");

    public static IReadOnlyList<ComplianceRule> All { get; } =
    [
        ProlongedSegregation, SegregationOfProtectedPerson, JuvenileWithAdults, WomanWithMen, UntriedWithConvicted,
        ScreeningMissed, SavingsPartMissing, SavingsNotPaidAtRelease, WomanReleasedWithoutMentoring,
        ComplaintUnanswered, PossibleReprisal, WardOverCapacity,
    ];

    /// <summary>The rules judged on complaints, whose notices only oversight may read.</summary>
    public static IReadOnlyList<string> OnComplaints { get; } = [ComplaintUnanswered.Code, PossibleReprisal.Code];

    public static ComplianceRule? ByCode(string code) => All.FirstOrDefault(r => r.Code == code);
}
