using Marten;

namespace SecondChance.Integrity.Tenancy;

public static class DocumentStoreTenancy
{
    /// <summary>The store's <see cref="ProvinceTenancy"/> (every store the app configures uses it).</summary>
    public static ProvinceTenancy Provinces(this IDocumentStore store) => (ProvinceTenancy)((DocumentStore)store).Tenancy;
}
