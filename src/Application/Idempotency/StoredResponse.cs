namespace SecondChance.Application.Idempotency;

public sealed record StoredResponse(int StatusCode, string Body, string? Location, string? ETag);
