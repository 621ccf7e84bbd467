namespace SecondChance.Application;

/// <summary>The stream type names stored beside each stream.</summary>
public static class AggregateTypes
{
    public const string Facility = "facility";
    public const string Inmate = "inmate";
    public const string PrisonerNumber = "prisoner_number";
    public const string Programme = "programme";
    public const string Item = "item";
    public const string WageAccount = "wage_account";
    public const string Mentor = "mentor";
    public const string Complaints = "complaints";
    public const string Partner = "partner";
    public const string Order = "order";
    public const string Venture = "venture";
    public const string VentureFund = "venture_fund";
}
