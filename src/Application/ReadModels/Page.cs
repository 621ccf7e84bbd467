using System.Text.Json.Serialization;

namespace SecondChance.Application.ReadModels;

/// <summary>One page of a list; in JSON its number is "page", the name of the query parameter that asks for it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonPropertyName("page")] int PageNumber, int PageSize, long TotalCount);
