namespace SecondChance.Application.ReadModels;

/// <summary>Optional filters of the list endpoints; page numbers start at 1.</summary>
public sealed record DirectoryFilter(Guid? FacilityId, string? Status, Guid? ProgrammeId, int PageNumber, int PageSize)
{
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 100;

    /// <summary>Only rows at these facilities (the reader's scope); null for every facility.</summary>
    public IReadOnlyCollection<Guid>? Facilities { get; init; }

    /// <summary>Part of a prisoner number, or of a name when <see cref="SearchNames"/>; case-insensitive.</summary>
    public string? Search { get; init; }

    /// <summary>Whether the search also matches names: not for a reader who sees names redacted, or the search would reveal them.</summary>
    public bool SearchNames { get; init; }
}
