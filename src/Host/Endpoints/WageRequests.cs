using SecondChance.Domain;
using SecondChance.Domain.Wages;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record CreditWageRequest(
    Guid? PostingId, WageKind? Kind, long? AmountMinor, string? Currency, string? Description, DateTimeOffset? CreditedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Kind, "kind");
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
        e.Text(Description, "description", required: false);
        e.Required(CreditedAt, "creditedAt");
    }

    public CreditWage ToCommand(Guid inmateId) => new(inmateId, PostingId ?? Guid.Empty, Kind!.Value, AmountMinor!.Value,
        Currency ?? Money.Pkr, Description ?? "", CreditedAt!.Value);
}

internal sealed record DeductFromWagesRequest(Guid? PostingId, long? AmountMinor, string? Currency, string? Reason, DateTimeOffset? PostedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
        e.Text(Reason, "reason", FieldErrors.TextLength);
        e.Required(PostedAt, "postedAt");
    }

    public DeductFromWages ToCommand(Guid inmateId) =>
        new(inmateId, PostingId ?? Guid.Empty, AmountMinor!.Value, Currency ?? Money.Pkr, Reason!, PostedAt!.Value);
}

internal sealed record RemitToFamilyRequest(
    Guid? PostingId, long? AmountMinor, string? Currency, string? Recipient, DateTimeOffset? SentAt, WageSubAccount? From)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
        e.Text(Recipient, "recipient");
        e.Required(SentAt, "sentAt");
    }

    public RemitToFamily ToCommand(Guid inmateId) => new(inmateId, PostingId ?? Guid.Empty, AmountMinor!.Value, Currency ?? Money.Pkr,
        Recipient!, SentAt!.Value, From ?? WageSubAccount.Family);
}

internal sealed record PayOutAtReleaseRequest(Guid? PostingId, DateTimeOffset? PaidAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Required(PaidAt, "paidAt");

    public PayOutAtRelease ToCommand(Guid inmateId) => new(inmateId, PostingId ?? Guid.Empty, PaidAt!.Value);
}

internal sealed record ReversePostingRequest(Guid? PostingId, Guid? ReversedPostingId, string? Reason, DateTimeOffset? ReversedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(ReversedPostingId, "reversedPostingId");
        e.Text(Reason, "reason", FieldErrors.TextLength);
        e.Required(ReversedAt, "reversedAt");
    }

    public ReversePosting ToCommand(Guid inmateId) =>
        new(inmateId, PostingId ?? Guid.Empty, ReversedPostingId!.Value, Reason!, ReversedAt!.Value);
}
