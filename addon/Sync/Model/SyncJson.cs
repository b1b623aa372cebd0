using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectAddon.Sync.Model;

/// <summary>How sync payloads are written and read: camelCase, nulls left out, strict on what is required.</summary>
public static class SyncJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };

    public static string Write(SyncPayload payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>Null when the text is not a payload this version understands.</summary>
    public static SyncPayload? Read(string json)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<SyncPayload>(json, Options);
            return payload is { Type: SyncPayload.ReplicaType or SyncPayload.TwinType or SyncPayload.UnsyncType } && !string.IsNullOrEmpty(payload.Issue.Id)
                   && (payload.Type != SyncPayload.ReplicaType || payload.Fields is not null)
                ? payload
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
