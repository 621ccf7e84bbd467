namespace SecondChance.Application;

/// <summary>Ids for new things: the client's when it supplied one, otherwise made here (never in the domain).</summary>
public static class Ids
{
    public static Guid OrNew(Guid supplied) => supplied == Guid.Empty ? Guid.CreateVersion7() : supplied;
}
