namespace SecondChance.Domain.Inmates;

public sealed record PlanRelease(Guid InmateId, DateOnly ExpectedReleaseDate, DateTimeOffset? PlannedAt = null,
    SavingsPayoutPlan? SavingsPayout = null, DateOnly? FollowUpPlannedOn = null);

/// <summary>How an inmate's savings are to be paid out at release.</summary>
public enum SavingsPayoutPlan { CashAtRelease, BankTransfer, ToFamily }
