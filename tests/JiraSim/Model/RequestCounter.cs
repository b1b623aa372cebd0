using System.Collections.Concurrent;

namespace JiraSim.Model;

/// <summary>
/// REST requests per endpoint ("GET /rest/api/3/issue/{issueIdOrKey}"), and who made them: benchmarks report
/// "REST calls per synced change" from it, tests that an echo caused no write.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Add(string endpoint) => counts.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public int this[string endpoint] => counts.GetValueOrDefault(endpoint);

    public int Total => counts.Values.Sum();

    /// <summary>Requests that change something (POST, PUT, DELETE).</summary>
    public int Writes => counts.Where(c => !c.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(c => c.Value);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(counts);

    public void Reset() => counts.Clear();
}
