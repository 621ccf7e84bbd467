namespace SecondChance.Application.ReadModels;

/// <summary>Optional filters of the list endpoints; page numbers start at 1.</summary>
public sealed record DirectoryFilter(Guid? FacilityId, string? Status, Guid? ProgrammeId, int PageNumber, int PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>Only rows at these facilities (the reader's scope); null for every facility.</summary>
    public IReadOnlyCollection<Guid>? Facilities { get; init; }
}
