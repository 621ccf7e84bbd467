using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;

namespace SecondChance.Application.Wages;

/// <summary>Postings that need the account and the inmate (its currency and admission); the inmate must exist for the account to be addressed.</summary>
internal static class WageAccountStream
{
    public static async Task<CommandResult> DecideAsync(
        Streams streams, CommandExecutor executor, Guid inmateId, Guid postingId, CommandContext context,
        Func<WageAccountState, InmateState, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(inmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(inmateId, "No inmate has this id.");
        // a wage account is the busiest stream (every sale and posting of the inmate): without If-Match the command waits
        // for the account's lock instead of racing other writers and retrying; with If-Match it checks the version it was given
        var account = await streams.WageAccountAsync(inmateId, ct, context, exclusive: context.ExpectedVersion is null);
        return await executor.CommitAsync(context, postingId, account, decide(account.State, inmate.State, executor.Now), ct);
    }
}
