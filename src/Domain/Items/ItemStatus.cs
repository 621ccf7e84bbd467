namespace SecondChance.Domain.Items;

public enum ItemStatus
{
    NotProduced,
    Produced,
    Listed,
    Sold,
    Withdrawn,
    Returned,
    OnOrder,
}
