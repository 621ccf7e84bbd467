namespace SecondChance.EventStore.Privacy;

/// <summary>
/// Which properties of an event record hold personal data, and which property names the person (the data subject)
/// whose key encrypts them. Property names are the record's CLR property names.
/// </summary>
public sealed record PersonalDataSpec(string SubjectProperty, IReadOnlyList<string> Properties);
