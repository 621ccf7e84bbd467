using SecondChance.Domain;
using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

/// <summary>Writes the inmate and the prisoner-number reservation together, so a number is never given out twice.</summary>
public sealed class AdmitInmateHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(AdmitInmate command, CommandContext context, CancellationToken ct)
    {
        command = command with { InmateId = Ids.OrNew(command.InmateId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        var number = PrisonerNumbers.IsValid(command.PrisonerNumber) ? command.PrisonerNumber : "-";
        var reservation = await streams.PrisonerNumberAsync(command.FacilityId, number, ct, context);
        var decision = InmateDecider.Decide(inmate.State, reservation.State, facility.State, command, executor.Now);
        return await executor.CommitAsync(context, command.InmateId, inmate, decision, [reservation], ct);
    }
}
