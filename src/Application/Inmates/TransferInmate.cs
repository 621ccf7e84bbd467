using SecondChance.Domain;
using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

public sealed class TransferInmateHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(TransferInmate command, CommandContext context, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var destination = await streams.FacilityAsync(command.ToFacilityId, ct, context);
        var number = PrisonerNumbers.IsValid(command.PrisonerNumber) ? command.PrisonerNumber : "-";
        var reservation = await streams.PrisonerNumberAsync(command.ToFacilityId, number, ct, context);
        var decision = InmateDecider.Decide(inmate.State, destination.State, reservation.State, command, executor.Now);
        return await executor.CommitAsync(context, command.InmateId, inmate, decision, [reservation], ct);
    }
}
