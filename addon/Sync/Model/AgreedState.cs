using System.Text.Json;

namespace ConnectAddon.Sync.Model;

/// <summary>
/// Per synced field, the last state both sides agreed on, as a pair of hashes: this side's value and the peer's value
/// at that moment. They differ when applying transformed the value (an epic became Task here). A field "changed here"
/// when its hash differs from <see cref="AgreedValue.Local"/>; a replica tells the peer, as the base of each change,
/// what it believed the peer held (<see cref="AgreedValue.Remote"/>), so the peer can tell a concurrent edit of the same
/// field from a plain one (Sync/README.md "Concurrent edits").
/// </summary>
public sealed class AgreedState
{
    private readonly Dictionary<string, AgreedValue> values;

    private AgreedState(Dictionary<string, AgreedValue> values) => this.values = values;

    public static AgreedState Parse(string? json) =>
        new(string.IsNullOrEmpty(json) ? new(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, AgreedValue>>(json, SyncJson.Options) ?? new(StringComparer.Ordinal));

    public AgreedValue? this[string field] => values.TryGetValue(field, out var value) ? value : null;

    public void Set(string field, string local, string remote) => values[field] = new AgreedValue(local, remote);

    public string ToJson() => JsonSerializer.Serialize(values, SyncJson.Options);
}

public sealed record AgreedValue(string Local, string Remote);
