namespace SecondChance.Domain;

public static class StreamIds
{
    public static string Inmate(Guid id) => $"inmate-{id:N}";

    public static string Programme(Guid id) => $"programme-{id:N}";

    public static string Item(Guid id) => $"item-{id:N}";

    public static string WageAccount(Guid inmateId) => $"wage-account-{inmateId:N}";

    /// <summary>
    /// The complaints about one inmate lodged through staff, or (confidential) addressed to oversight: two streams
    /// apart from the inmate's, which staff read whole, so not even a stream version tells staff that a confidential
    /// complaint exists.
    /// </summary>
    public static string Complaints(Guid inmateId, bool confidential = false) =>
        confidential ? $"confidential-complaints-{inmateId:N}" : $"complaints-{inmateId:N}";

    public static string Partner(Guid id) => $"partner-{id:N}";

    public static string Order(Guid id) => $"order-{id:N}";
    public static string Venture(Guid id) => $"venture-{id:N}";

    /// <summary>A facility's venture fund: a ledger apart from the facility's own stream, which it would otherwise keep busy.</summary>
    public static string VentureFund(Guid facilityId) => $"venture-fund-{facilityId:N}";

    public static string Mentor(Guid id) => $"mentor-{id:N}";

    public static string Facility(Guid id) => $"facility-{id:N}";

    /// <summary>Reservation stream whose existence means the number is taken at that facility.</summary>
    public static string PrisonerNumber(Guid facilityId, string number) =>
        $"prisoner-number-{facilityId:N}-{PrisonerNumbers.Normalize(number)}";

    public static string User(Guid id) => $"user-{id:N}";

    /// <summary>Reservation stream whose existence means the username is taken.</summary>
    public static string Username(string normalizedUsername) => $"username-{normalizedUsername}";
}
