using System.Text.Json;

namespace ConnectAddon.Transport;

/// <summary>
/// Reads another node's info answer. It comes from a URL an admin typed, so it is checked before anyone stores or shows
/// it: every field present, of the right type and of a sane length. Unknown fields are ignored (later versions may add some).
/// </summary>
internal static class NodeInfoJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The info, or null when the bytes are not a node's info.</summary>
    public static NodeInfo? Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var info = JsonSerializer.Deserialize<NodeInfo>(utf8, Options);
            return info is not null && IsSound(info) ? info : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsSound(NodeInfo info) =>
        IsText(info.Name, 200) && IsText(info.Version, 100) && IsText(info.Role, 20) && info.ConnectionTypes.Count <= 20
        && info.ConnectionTypes.All(type => type is not null && IsText(type.Type, 40) && type.Modes.Count <= 20 && type.Modes.All(mode => IsText(mode, 40)));

    private static bool IsText(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl);
}
