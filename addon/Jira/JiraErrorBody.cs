using System.Text.Json;

namespace ConnectAddon.Jira;

/// <summary>
/// Reads Jira's error body, <c>{"errorMessages":[…],"errors":{field: message}}</c> (the ErrorCollection schema),
/// tolerating anything else a proxy or gateway may answer. Reads at most 64 KiB: an error body is small.
/// </summary>
internal static class JiraErrorBody
{
    private const int Limit = 64 * 1024;
    private static readonly Dictionary<string, string> NoErrors = [];

    public static async Task<(IReadOnlyList<string> Messages, IReadOnlyDictionary<string, string> Errors)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[Limit];
            var length = 0;
            int read;
            while (length < Limit && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
                length += read;
            body = buffer[..length];
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return ([], NoErrors);
        }
        return Parse(body);
    }

    internal static (IReadOnlyList<string> Messages, IReadOnlyDictionary<string, string> Errors) Parse(byte[] body)
    {
        try
        {
            using var json = Hosting.JsonText.Parse(body);
            if (json is null || json.RootElement.ValueKind != JsonValueKind.Object)
                return ([], NoErrors);
            var messages = new List<string>();
            if (json.RootElement.TryGetProperty("errorMessages", out var list) && list.ValueKind == JsonValueKind.Array)
                messages.AddRange(list.EnumerateArray().Select(Text).Where(m => m.Length > 0));
            // Gateways in front of Jira answer {"message": "…"} instead.
            if (json.RootElement.TryGetProperty("message", out var single) && single.ValueKind == JsonValueKind.String)
                messages.Add(single.GetString()!);
            var errors = new Dictionary<string, string>();
            if (json.RootElement.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
                foreach (var field in map.EnumerateObject())
                    errors[field.Name] = Text(field.Value);
            return (messages, errors);
        }
        catch (JsonException)
        {
            return ([], NoErrors);
        }
    }

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
