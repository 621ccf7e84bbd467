using FluentAssertions;
using SecondChance.Domain.Compliance;

namespace SecondChance.Domain.Tests;

public sealed class OversightDutySpecs
{
    private static readonly Guid Inmate = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly Guid Facility = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly DateTimeOffset Began = new(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(5));

    private static ComplianceFinding Finding(string rule, DateTimeOffset start, bool open = true) =>
        new(rule, Inmate, Facility, start, start.AddDays(3), open, "detail", []);

    [Fact]
    public void Prolonged_segregation_is_due_to_the_superintendent_and_inspecting_judge_within_a_day_of_the_breach()
    {
        var notice = OversightDuty.NoticeOf(Finding("prolonged_segregation", Began));

        notice.Recipient.Should().Be(OversightDuty.SuperintendentAndInspectingJudge);
        notice.OpenedAt.Should().Be(Began.ToUniversalTime());
        notice.DueBy.Should().Be(Began.ToUniversalTime().AddHours(24));
        (notice.RuleCode, notice.InmateId, notice.FacilityId).Should().Be(("prolonged_segregation", Inmate, Facility));
    }

    [Fact]
    public void A_missed_screening_goes_to_the_medical_officer_and_savings_to_the_welfare_officer_within_a_week()
    {
        OversightDuty.NoticeOf(Finding("screening_missed", Began)).Recipient.Should().Be(OversightDuty.SeniorMedicalOfficer);
        var savings = OversightDuty.NoticeOf(Finding("savings_not_paid_at_release", Began));
        savings.Recipient.Should().Be(OversightDuty.WelfareOfficer);
        savings.DueBy.Should().Be(Began.ToUniversalTime().AddDays(7));
    }

    [Theory]
    [InlineData("prohibited_instrument")]
    [InlineData("restraint_as_punishment")]
    [InlineData("prolonged_restraint")]
    [InlineData("restraint_of_woman_in_labour")]
    [InlineData("custody_death_not_reported")]
    [InlineData("family_not_notified")]
    [InlineData("investigation_open")]
    public void Restraint_and_custody_incident_findings_go_to_the_superintendent_and_inspecting_judge_within_a_day(string rule)
    {
        var notice = OversightDuty.NoticeOf(Finding(rule, Began));
        notice.Recipient.Should().Be(OversightDuty.SuperintendentAndInspectingJudge);
        notice.DueBy.Should().Be(Began.ToUniversalTime().AddHours(24));
    }

    [Fact]
    public void A_mother_without_contact_with_her_children_goes_to_the_welfare_officer() =>
        OversightDuty.NoticeOf(Finding("mother_without_child_contact", Began)).Recipient.Should().Be(OversightDuty.WelfareOfficer);

    [Fact]
    public void The_same_breach_judged_later_or_closed_gives_the_same_notice_id_and_another_breach_another()
    {
        var first = OversightDuty.NoticeOf(Finding("prolonged_segregation", Began));
        var later = OversightDuty.NoticeOf(Finding("prolonged_segregation", Began.ToUniversalTime()) with { PeriodEnd = Began.AddDays(9), IsOpen = false });
        var other = OversightDuty.NoticeOf(Finding("prolonged_segregation", Began.AddDays(30)));
        var otherRule = OversightDuty.NoticeOf(Finding("screening_missed", Began));

        later.NoticeId.Should().Be(first.NoticeId);
        new[] { other.NoticeId, otherRule.NoticeId }.Should().NotContain(first.NoticeId).And.OnlyHaveUniqueItems();
    }
}
