using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Ventures;

/// <summary>
/// Proposed → approved (or declined) → funded by one seed grant from the facility's venture fund; milestones in any order,
/// each once, during custody or after release; repayments and profit shares back to the fund; closed. Founders must be
/// in custody at the facility when they propose; after that the venture follows them wherever they go. A step names the
/// facility whose fund backs the venture: a venture of another facility is not found there.
/// </summary>
public static class VentureDecider
{
    public const int MaxFounders = 5;

    public static Decision Decide(VentureState venture, FacilityState facility, IReadOnlyDictionary<Guid, InmateState> founders,
        IReadOnlyDictionary<Guid, ProgrammeState> programmes, ProposeVenture c, DateTimeOffset now, Partners.PartnerState? mentor = null)
    {
        if (!facility.Registered || facility.FacilityId != c.FacilityId) return Decision.Refuse(FacilityNotFound, "No facility has this id.");
        if (venture.Exists) return Decision.Refuse(VentureAlreadyProposed, "A venture with this id has been proposed already.");
        if ((Required(c.Name, InvalidName, "The venture's name") ?? Required(c.BusinessPlan, InvalidField, "The business plan summary")
                ?? Required(c.MentorOrganisation, InvalidName, "The mentoring organisation")) is { } r1) return r1;
        if (c.Founders.Count is 0 or > MaxFounders || c.Founders.Select(f => f.InmateId).Distinct().Count() != c.Founders.Count)
            return Decision.Refuse(InvalidFounders, $"A venture has one to {MaxFounders} founders, each named once.");
        var at = c.ProposedAt ?? now;
        if (NotInFuture(at, now, "Proposal time") is { } r2) return r2;

        var kind = VentureKind.Craft;
        foreach (var founder in c.Founders)
        {
            if (!founders.TryGetValue(founder.InmateId, out var inmate) || !inmate.Exists)
                return Decision.Refuse(InmateNotFound, $"No inmate has id {founder.InmateId}.");
            if (InCustody(inmate) is { } r3) return r3;
            if (inmate.FacilityId != c.FacilityId)
                return Decision.Refuse(WrongFacility, $"Founder {inmate.PrisonerNumber} is not held at this facility; all founders must be.");
            if (Happened(inmate, at, now, "Proposal time") is { } r4) return r4;
            if (!inmate.Certificates.TryGetValue(founder.CertificateNumber?.Trim() ?? "", out var certificate) || certificate.Revoked || certificate.CertifiedAt > at)
                return Decision.Refuse(FounderNotCertified,
                    $"Founder {inmate.PrisonerNumber} holds no valid certificate numbered '{founder.CertificateNumber}' at the proposal time.");
            if (programmes.TryGetValue(certificate.ProgrammeId, out var programme) && programme.Craft == Craft.IT) kind = VentureKind.IT;
        }
        // a registered partner named as mentor must mentor startups under a memorandum with this facility on the day
        if (c.MentorPartnerId is { } partnerId
            && Partners.PartnerDecider.MayAct(mentor is { } m && m.PartnerId == partnerId ? m : Partners.PartnerState.Initial,
                Partners.PartnerRole.StartupMentor, c.FacilityId, facility.LocalDate(at)) is { } r5)
            return r5;
        return Decision.Accept(new VentureProposed(c.VentureId, c.FacilityId, c.Name.Trim(), kind, c.BusinessPlan.Trim(),
            [.. c.Founders.Select(f => f with { CertificateNumber = f.CertificateNumber.Trim() })], c.MentorOrganisation.Trim(), c.MentorPartnerId, at));
    }

    public static Decision Decide(VentureState venture, ApproveVenture c, DateTimeOffset now) =>
        Step(venture, c.FacilityId, c.At ?? now, now, [VentureStage.Proposed], venture.ProposedAt, "approved",
            () => Required(c.By, InvalidName, "Who approved the venture"),
            at => new VentureApproved(c.VentureId, c.By.Trim(), at));

    public static Decision Decide(VentureState venture, DeclineVenture c, DateTimeOffset now) =>
        Step(venture, c.FacilityId, c.At ?? now, now, [VentureStage.Proposed], venture.ProposedAt, "declined",
            () => Required(c.Reason, InvalidReason, "The reason for declining") ?? Required(c.By, InvalidName, "Who declined the venture"),
            at => new VentureDeclined(c.VentureId, c.Reason.Trim(), c.By.Trim(), at));

    public static Decision Decide(VentureState venture, RecordVentureMilestone c, DateTimeOffset now)
    {
        if (Found(venture, c.FacilityId) is { } r0) return r0;
        if (venture.Milestones.ContainsKey(c.Milestone))
            return Decision.Refuse(MilestoneAlreadyReached, $"The venture reached {c.Milestone} on {Stamp(venture.Milestones[c.Milestone])}; a milestone is reached once.");
        return Step(venture, c.FacilityId, c.ReachedAt ?? now, now, [VentureStage.Approved, VentureStage.Funded], venture.ApprovedAt ?? default, "given a milestone",
            () => Enum.IsDefined(c.Milestone) ? null : new Refusal(InvalidField, "The milestone must be Registered, FirstSale or FirstMonthProfitable."),
            at => new VentureMilestoneReached(c.VentureId, c.Milestone, at));
    }

    public static Decision Decide(VentureState venture, CloseVenture c, DateTimeOffset now) =>
        Step(venture, c.FacilityId, c.At ?? now, now, [VentureStage.Proposed, VentureStage.Approved, VentureStage.Funded], venture.LastStepAt, "closed",
            () => Required(c.Reason, InvalidReason, "The reason for closing"),
            at => new VentureClosed(c.VentureId, c.Reason.Trim(), at));

    public static MultiStreamDecision Decide(VentureState venture, VentureFundState fund, FacilityState facility, AwardSeedGrant c, DateTimeOffset now)
    {
        if (Found(venture, c.FacilityId) is { } r0) return r0;
        if (venture.Postings.Contains(c.PostingId)) return MultiStreamDecision.Nothing;
        if (UsedByTheFund(fund, c.PostingId) is { } used) return used;
        if (VentureFundDecider.CheckMoney(facility, c.AmountMinor, c.Currency) is { } r1) return r1;
        if (venture.Stage == VentureStage.Funded) return new Refusal(GrantAlreadyAwarded, "The venture has had its seed grant.");
        var at = c.AwardedAt ?? now;
        if ((Order(venture, [VentureStage.Approved], "funded") ?? Dated(at, now, venture.ApprovedAt ?? default, "funded")) is { } r2) return r2;
        if (fund.Balance < c.AmountMinor)
            return new Refusal(FundInsufficient,
                $"The venture fund holds {Money.Format(fund.Balance, facility.Currency)}; a grant of {Money.Format(c.AmountMinor, facility.Currency)} would take it below zero.");
        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Venture(venture.VentureId),
                [new SeedGrantAwarded(venture.VentureId, facility.FacilityId, c.PostingId, c.AmountMinor, facility.Currency, at)]),
            new StreamEvents(StreamIds.VentureFund(facility.FacilityId),
                [new SeedGrantPaidOut(facility.FacilityId, c.PostingId, venture.VentureId, c.AmountMinor, facility.Currency, at)]));
    }

    /// <summary>Money back may come after closure: a closed venture can still repay its grant.</summary>
    public static MultiStreamDecision Decide(VentureState venture, VentureFundState fund, FacilityState facility, RecordVentureRepayment c, DateTimeOffset now)
    {
        if (Found(venture, c.FacilityId) is { } r0) return r0;
        if (venture.Postings.Contains(c.PostingId)) return MultiStreamDecision.Nothing;
        if (UsedByTheFund(fund, c.PostingId) is { } used) return used;
        if (VentureFundDecider.CheckMoney(facility, c.AmountMinor, c.Currency) is { } r1) return r1;
        if (!Enum.IsDefined(c.Kind)) return new Refusal(InvalidField, "The kind must be Repayment or ProfitShare.");
        if (venture.GrantedAt is not { } grantedAt)
            return new Refusal(VentureStepOutOfOrder, "The venture has had no seed grant; nothing can be paid back before one.");
        var at = c.RepaidAt ?? now;
        if (Dated(at, now, grantedAt, "paid back") is { } r2) return r2;
        if (c.Kind == RepaymentKind.Repayment && venture.RepaidMinor + c.AmountMinor > venture.GrantMinor)
            return new Refusal(RepaymentExceedsGrant,
                $"{Money.Format(venture.GrantMinor - venture.RepaidMinor, facility.Currency)} of the grant is outstanding; a larger payment is a profit share.");
        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Venture(venture.VentureId),
                [new VentureRepaid(venture.VentureId, facility.FacilityId, c.PostingId, c.Kind, c.AmountMinor, facility.Currency, at)]),
            new StreamEvents(StreamIds.VentureFund(facility.FacilityId),
                [new VentureRepaymentReceived(facility.FacilityId, c.PostingId, venture.VentureId, c.Kind, c.AmountMinor, facility.Currency, at)]));
    }

    /// <summary>A posting id the fund holds for another venture or a credit: applying it would post twice under one id.</summary>
    private static Refusal? UsedByTheFund(VentureFundState fund, Guid postingId) =>
        fund.HasPosting(postingId) ? new Refusal(InvalidField, "The venture fund already holds a posting with this id; use a new posting id.") : null;

    private static Refusal? Found(VentureState venture, Guid facilityId) =>
        venture.Exists && venture.FacilityId == facilityId ? null : new Refusal(VentureNotFound, "No venture has this id at this facility.");

    private static Refusal? Order(VentureState venture, VentureStage[] from, string step) =>
        venture.Stage == VentureStage.Closed ? new Refusal(RefusalCodes.VentureClosed, "The venture has been closed.")
        : from.Contains(venture.Stage) ? null
        : new Refusal(VentureStepOutOfOrder,
            $"The venture is {venture.Stage.ToString().ToLowerInvariant()}; it can be {step} only when {string.Join(" or ", from.Select(s => s.ToString().ToLowerInvariant()))}.");

    private static Refusal? Dated(DateTimeOffset at, DateTimeOffset now, DateTimeOffset notBefore, string step) =>
        NotInFuture(at, now, "The step's time")
        ?? (at < notBefore ? new Refusal(EndsBeforeStart, $"The venture cannot be {step} at {Stamp(at)}, before its previous step ({Stamp(notBefore)}).") : null);

    private static Decision Step(VentureState venture, Guid facilityId, DateTimeOffset at, DateTimeOffset now, VentureStage[] from, DateTimeOffset notBefore,
        string step, Func<Refusal?> validate, Func<DateTimeOffset, object> happened)
    {
        if (Found(venture, facilityId) is { } r0) return r0;
        if (validate() is { } r1) return r1;
        if ((Order(venture, from, step) ?? Dated(at, now, notBefore, step)) is { } r2) return r2;
        return Decision.Accept(happened(at));
    }
}
