using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class IssueVerificationCodeHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(IssueVerificationCode command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.InmateAsync(command.InmateId, ct, context), command.InmateId, context, (s, now) => CertificateDecider.Decide(s, command, VerificationCodes.New(), now), ct);
}
