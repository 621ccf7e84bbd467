namespace SecondChance.Application;

public enum CommandStatus
{
    Accepted,
    Refused,
    NotFound,
    Conflict,
    /// <summary>Another request with the same idempotency key committed first; answer with its response.</summary>
    IdempotencyKeyTaken,
}
