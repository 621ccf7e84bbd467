using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Ventures;

namespace SecondChance.Application.Ventures;

/// <summary>Reads each founder and the programme of each founder's certificate; the result's id is the venture's.</summary>
public sealed class ProposeVentureHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(ProposeVenture command, CommandContext context, CancellationToken ct)
    {
        command = command with { VentureId = Ids.OrNew(command.VentureId) };
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        if (!facility.Exists) return CommandResult.NotFound(command.FacilityId, "No facility has this id.");
        var founders = new Dictionary<Guid, InmateState>();
        var programmes = new Dictionary<Guid, ProgrammeState>();
        foreach (var founder in command.Founders.Take(VentureDecider.MaxFounders + 1).DistinctBy(f => f.InmateId))
        {
            var inmate = (await streams.InmateAsync(founder.InmateId, ct)).State;
            founders[founder.InmateId] = inmate;
            if (inmate.Certificates.TryGetValue(founder.CertificateNumber?.Trim() ?? "", out var certificate) && !programmes.ContainsKey(certificate.ProgrammeId))
                programmes[certificate.ProgrammeId] = (await streams.ProgrammeAsync(certificate.ProgrammeId, ct)).State;
        }
        var mentor = command.MentorPartnerId is { } partnerId ? (await streams.PartnerAsync(partnerId, ct)).State : null;
        var venture = await streams.VentureAsync(command.VentureId, ct, context);
        return await executor.CommitAsync(context, command.VentureId, venture,
            VentureDecider.Decide(venture.State, facility.State, founders, programmes, command, executor.Now, mentor), ct);
    }
}
