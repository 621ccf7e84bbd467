using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class FacilitySpecs
{
    private static readonly RegisterFacility Register = new(FacilityId, "Central Prison Karachi", "KHI-CP", "Asia/Karachi", true);

    [Fact]
    public void Facility_is_registered_with_its_time_zone() =>
        GivenFacility().When(s => FacilityDecider.Decide(s, Register, Now)).ThenEmits(FacilityRegistered());

    [Fact]
    public void Registering_the_same_facility_again_changes_nothing() =>
        GivenFacility(FacilityRegistered()).When(s => FacilityDecider.Decide(s, Register, Now)).ThenNothing();

    [Fact]
    public void Registering_different_facts_over_a_registered_facility_is_refused() =>
        GivenFacility(FacilityRegistered()).When(s => FacilityDecider.Decide(s, Register with { Name = "Peshawar" }, Now))
            .ThenRefused(RefusalCodes.FacilityAlreadyRegistered);

    [Fact]
    public void Unknown_time_zone_is_refused() =>
        GivenFacility().When(s => FacilityDecider.Decide(s, Register with { TimeZoneId = "Mars/Olympus" }, Now))
            .ThenRefused(RefusalCodes.InvalidTimeZone);

    [Fact]
    public void Blank_facility_name_is_refused() =>
        GivenFacility().When(s => FacilityDecider.Decide(s, Register with { Name = " " }, Now)).ThenRefused(RefusalCodes.InvalidName);

    [Fact]
    public void Ward_is_added_with_category_and_designation() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new AddWard(FacilityId, MaleUntriedWard, "Barrack 1", WardCategory.AdultMale, WardDesignation.Untried), Now))
            .ThenEmits(new WardAdded(FacilityId, MaleUntriedWard, "Barrack 1", WardCategory.AdultMale, WardDesignation.Untried));

    [Fact]
    public void Ward_cannot_be_added_to_an_unregistered_facility() =>
        GivenFacility().When(s => FacilityDecider.Decide(s, new AddWard(FacilityId, MaleUntriedWard, "B1", WardCategory.AdultMale, WardDesignation.Untried), Now))
            .ThenRefused(RefusalCodes.FacilityNotFound);

    [Fact]
    public void Separating_facility_requires_an_untried_or_convicted_designation() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new AddWard(FacilityId, MaleUntriedWard, "B1", WardCategory.AdultMale, WardDesignation.Mixed), Now))
            .ThenRefused(RefusalCodes.WardDesignationRequired);

    [Fact]
    public void Non_separating_facility_takes_no_designation() =>
        GivenFacility(FacilityRegistered() with { SeparatesUntriedFromConvicted = false })
            .When(s => FacilityDecider.Decide(s, new AddWard(FacilityId, MaleUntriedWard, "B1", WardCategory.AdultMale, WardDesignation.Convicted), Now))
            .ThenRefused(RefusalCodes.WardDesignationNotApplicable);

    [Fact]
    public void A_different_ward_under_an_existing_ward_id_is_refused() =>
        GivenFacility(Facility())
            .When(s => FacilityDecider.Decide(s, new AddWard(FacilityId, MaleUntriedWard, "Other", WardCategory.AdultFemale, WardDesignation.Untried), Now))
            .ThenRefused(RefusalCodes.WardAlreadyExists);

    [Fact]
    public void Adding_the_same_ward_again_changes_nothing() =>
        GivenFacility(Facility())
            .When(s => FacilityDecider.Decide(s, new AddWard(FacilityId, MaleUntriedWard, "Barrack 1", WardCategory.AdultMale, WardDesignation.Untried), Now))
            .ThenNothing();

    [Fact]
    public void Proceeds_policy_is_adopted_from_a_date() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new AdoptProceedsPolicy(FacilityId, new DateOnly(2026, 1, 1), 6000, 2500, 1500, 2500), Now))
            .ThenEmits(Policy(new DateOnly(2026, 1, 1)));

    [Fact]
    public void Proceeds_shares_must_add_up_to_the_whole() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new AdoptProceedsPolicy(FacilityId, new DateOnly(2026, 1, 1), 6000, 2500, 1000, 2500), Now))
            .ThenRefused(RefusalCodes.InvalidPolicy);

    [Fact]
    public void A_different_policy_on_an_already_used_date_is_refused() =>
        GivenFacility(Facility())
            .When(s => FacilityDecider.Decide(s, new AdoptProceedsPolicy(FacilityId, new DateOnly(2025, 1, 1), 5000, 3000, 2000, 2500), Now))
            .ThenRefused(RefusalCodes.PolicyAlreadyAdopted);

    [Fact]
    public void A_sale_date_uses_the_policy_in_force_on_it()
    {
        var state = GivenFacility([.. Facility(), Policy(new DateOnly(2026, 2, 1), inmate: 7000, welfare: 2000, materials: 1000)]).State;
        state.PolicyInForce(new DateOnly(2026, 1, 31))!.InmateShareBasisPoints.Should().Be(6000);
        state.PolicyInForce(new DateOnly(2026, 2, 1))!.InmateShareBasisPoints.Should().Be(7000);
        state.PolicyInForce(new DateOnly(2024, 12, 31)).Should().BeNull();
    }

    [Fact]
    public void Compliance_thresholds_default_to_15_days_and_24_hours_and_can_be_set()
    {
        GivenFacility(FacilityRegistered()).State.Thresholds.Should().Be(new ComplianceThresholds(15, 24));
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new SetComplianceThresholds(FacilityId, 10, 12), Now))
            .ThenEmits(new ComplianceThresholdsSet(FacilityId, 10, 12, 4, 24, 24, 30, 30, 7, 30));
    }

    [Fact]
    public void Rights_limits_left_out_keep_the_current_ones_and_old_events_read_with_the_defaults()
    {
        var set = GivenFacility(FacilityRegistered(), new ComplianceThresholdsSet(FacilityId, 15, 24, 2, 12, 6, 14));
        set.State.Thresholds.Should().Be(new ComplianceThresholds(15, 24, 2, 12, 6, 14));
        set.When(s => FacilityDecider.Decide(s, new SetComplianceThresholds(FacilityId, 10, 24), Now))
            .ThenEmits(new ComplianceThresholdsSet(FacilityId, 10, 24, 2, 12, 6, 14, 30, 7, 30));
        GivenFacility(FacilityRegistered(), new ComplianceThresholdsSet(FacilityId, 10, 12)).State.Thresholds
            .Should().Be(new ComplianceThresholds(10, 12, 4, 24, 24, 30));
    }

    [Fact]
    public void A_rights_limit_of_zero_is_refused() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new SetComplianceThresholds(FacilityId, 15, 24, RestraintLimitHours: 0), Now))
            .ThenRefused(RefusalCodes.InvalidThreshold);

    [Fact]
    public void Setting_unchanged_thresholds_changes_nothing() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new SetComplianceThresholds(FacilityId, 15, 24), Now)).ThenNothing();

    [Fact]
    public void Thresholds_must_be_positive() =>
        GivenFacility(FacilityRegistered())
            .When(s => FacilityDecider.Decide(s, new SetComplianceThresholds(FacilityId, 0, 24), Now))
            .ThenRefused(RefusalCodes.InvalidThreshold);
}
