using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class WithdrawCertificateHolderConsentHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(WithdrawCertificateHolderConsent command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.InmateAsync(command.InmateId, ct, context), command.InmateId, context, (s, now) => CertificateDecider.Decide(s, command, now), ct);
}
