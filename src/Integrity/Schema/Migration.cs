namespace SecondChance.Integrity.Schema;

/// <summary>One forward step of the schema. <c>{schema}</c> in the SQL is replaced by the configured schema.</summary>
public sealed record Migration(int Version, string Description, string Sql);
