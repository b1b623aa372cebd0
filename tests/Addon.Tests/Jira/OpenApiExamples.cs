using System.Text.Json;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Jira;

/// <summary>Response bodies exactly as the examples of Atlassian's REST v3 OpenAPI document give them.</summary>
public static class OpenApiExamples
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(Reference.File("jira-platform-openapi-v3.json"))));

    public static string Response(string path, string method, string status)
    {
        var example = Document.Value.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("example");
        // The document stores some examples as JSON text and others as JSON values.
        return example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
    }
}
