namespace SecondChance.Host.Http;

/// <summary>
/// A query parameter an endpoint reads itself rather than through its handler's parameters (the list filters), or a
/// handler parameter that is required although its type is nullable. Endpoint metadata: the OpenAPI document shows it,
/// and <see cref="QueryParameters"/> accepts it.
/// </summary>
public sealed record QueryParameter(string Name, Type Type, string Description, bool Required = false);
