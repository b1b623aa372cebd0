using System.Text.Json.Nodes;
using NJsonSchema;

namespace JiraSim.Adf;

/// <summary>
/// Checks rich text against Atlassian's ADF JSON schema (<c>adf-schema-v1-full.json</c>), as Jira refuses an
/// invalid document with 400 on write. A document that passes may still be one Jira refuses (see the reference
/// README); one that fails is certainly wrong.
/// </summary>
public static class AdfValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(ReferenceFiles.Path("adf-schema-v1-full.json")).GetAwaiter().GetResult());

    /// <returns>Null when valid, else a reason naming where the document is wrong.</returns>
    public static string? Validate(JsonNode? document)
    {
        if (document is not JsonObject)
            return "The value must be an Atlassian Document Format object ({\"type\":\"doc\",\"version\":1,\"content\":[…]}).";
        var errors = Schema.Value.Validate(document.ToJsonString());
        if (errors.Count == 0)
            return null;
        var first = errors.First();
        return $"The Atlassian Document Format is not valid at {(string.IsNullOrEmpty(first.Path) ? "#" : first.Path)}: {first.Kind}.";
    }

    /// <summary>A one-paragraph document holding <paramref name="text"/>.</summary>
    public static JsonObject Paragraph(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };
}
