namespace SecondChance.Projections.Engine;

/// <summary>The projections this process knows, and which of them are applied inline.</summary>
public sealed class ProjectionRegistry
{
    private readonly Dictionary<string, IProjection> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inline;

    public ProjectionRegistry(IEnumerable<IProjection> projections, IEnumerable<string>? inline = null)
    {
        foreach (var p in projections)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(p.Name, "^[a-z][a-z0-9_]{0,30}$"))
                throw new ArgumentException($"Projection name '{p.Name}' must be a short lower-case identifier.");
            if (!_byName.TryAdd(p.Name, p)) throw new ArgumentException($"Projection '{p.Name}' is registered twice.");
        }
        _inline = new HashSet<string>(inline ?? [], StringComparer.Ordinal);
        foreach (var name in _inline)
            if (!_byName.ContainsKey(name)) throw new ArgumentException($"Inline projection '{name}' is not registered.");
    }

    public IReadOnlyCollection<IProjection> All => _byName.Values;
    public IEnumerable<IProjection> Async => _byName.Values.Where(p => !_inline.Contains(p.Name));
    public IEnumerable<IProjection> InlineProjections => _byName.Values.Where(p => _inline.Contains(p.Name));
    public IProjection? Find(string name) => _byName.GetValueOrDefault(name);
    public bool IsInline(string name) => _inline.Contains(name);
}
