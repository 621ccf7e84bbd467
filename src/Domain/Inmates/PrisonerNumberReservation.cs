namespace SecondChance.Domain.Inmates;

public sealed record PrisonerNumberReservation(Guid? InmateId)
{
    public static PrisonerNumberReservation Initial { get; } = new((Guid?)null);

    public bool Taken => InmateId is not null;

    public static PrisonerNumberReservation Evolve(PrisonerNumberReservation state, object @event) => @event switch
    {
        PrisonerNumberReserved e => state with { InmateId = e.InmateId },
        _ => state,
    };
}
