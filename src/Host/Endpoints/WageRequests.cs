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
    }

    public CreditWage ToCommand(Guid inmateId) => new(inmateId, PostingId ?? Guid.Empty, Kind!.Value, AmountMinor!.Value,
        Currency, Description ?? "", CreditedAt);
}

internal sealed record DeductFromWagesRequest(Guid? PostingId, long? AmountMinor, string? Currency, string? Reason, DateTimeOffset? PostedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }

    public DeductFromWages ToCommand(Guid inmateId) =>
        new(inmateId, PostingId ?? Guid.Empty, AmountMinor!.Value, Currency, Reason!, PostedAt);
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
    }

    public RemitToFamily ToCommand(Guid inmateId) => new(inmateId, PostingId ?? Guid.Empty, AmountMinor!.Value, Currency,
        Recipient!, SentAt, From ?? WageSubAccount.Family);
}

internal sealed record PayOutAtReleaseRequest(Guid? PostingId, DateTimeOffset? PaidAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) { }

    public PayOutAtRelease ToCommand(Guid inmateId) => new(inmateId, PostingId ?? Guid.Empty, PaidAt);
}

internal sealed record ReversePostingRequest(Guid? PostingId, Guid? ReversedPostingId, string? Reason, DateTimeOffset? ReversedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(ReversedPostingId, "reversedPostingId");
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }

    public ReversePosting ToCommand(Guid inmateId) =>
        new(inmateId, PostingId ?? Guid.Empty, ReversedPostingId!.Value, Reason!, ReversedAt);
}
