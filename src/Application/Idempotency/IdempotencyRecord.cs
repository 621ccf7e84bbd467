namespace SecondChance.Application.Idempotency;

public sealed record IdempotencyRecord(string Key, string RequestHash, StoredResponse Response);
