namespace SecondChance.Domain.Access;

public sealed record UsernameReservation(Guid? UserId)
{
    public static UsernameReservation Initial { get; } = new((Guid?)null);

    public static UsernameReservation Evolve(UsernameReservation state, object @event) => @event switch
    {
        UsernameReserved e => state with { UserId = e.UserId },
        _ => state,
    };

    /// <summary>Usernames are compared without case: 3 to 64 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValid(string? username) =>
        username is { Length: >= 3 and <= 64 } && username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
