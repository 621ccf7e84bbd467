namespace SecondChance.Application.Idempotency;

/// <summary>
/// A creating request's Idempotency-Key, the hash of what was asked, and how to render the response that is stored
/// with the command's events.
/// </summary>
public sealed record IdempotencyClaim(string Key, string RequestHash, Func<CommandResult, StoredResponse> Render);
