using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class GiveCertificateHolderConsentHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(GiveCertificateHolderConsent command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.InmateAsync(command.InmateId, ct, context), command.InmateId, context, (s, now) => CertificateDecider.Decide(s, command, now), ct);
}
