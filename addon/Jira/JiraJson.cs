using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectAddon.Jira;

/// <summary>How Jira's JSON is read and written: camelCase, case-insensitive, numbers accepted as strings, nulls left out.</summary>
internal static class JiraJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// A JSON body serialised once into bytes: it has a Content-Length and can be sent again by a retry unchanged.
    /// </summary>
    public static HttpContent Content<T>(T value) => Bytes(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    public static HttpContent Bytes(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
