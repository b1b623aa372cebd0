using System.Text.Json.Nodes;
using NJsonSchema;

namespace JiraSim.Tests.OpenApi;

/// <summary>
/// Turns one response schema of the OpenAPI 3.0 document into a standalone JSON Schema that NJsonSchema validates
/// with: the referenced <c>#/components/schemas/X</c> (transitively, and only those) are copied to
/// <c>#/definitions/X</c>, and OpenAPI 3.0's <c>nullable: true</c>, which JSON Schema does not know, becomes
/// <c>anyOf: [null, the schema]</c>. NJsonSchema's own OpenAPI mode honours <c>nullable</c> on a type but not
/// through <c>allOf</c>, which is how the document attaches most references.
/// </summary>
public static class StandaloneSchema
{
    private const string ComponentPrefix = "#/components/schemas/";

    public static JsonSchema Build(JsonNode responseSchema, JsonObject components)
    {
        var definitions = new JsonObject();
        var root = new JsonObject { ["allOf"] = new JsonArray(Rewrite(responseSchema, components, definitions)), ["definitions"] = definitions };
        return JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
    }

    private static JsonNode? Rewrite(JsonNode? node, JsonObject components, JsonObject definitions)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(n => Rewrite(n, components, definitions)).ToArray());
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                    {
                        var name = reference[ComponentPrefix.Length..];
                        if (!definitions.ContainsKey(name))
                        {
                            definitions[name] = new JsonObject(); // placeholder: stops recursion on cycles
                            definitions[name] = Rewrite(components[name] ?? throw new InvalidDataException($"{reference} is not in the document."), components, definitions);
                        }
                        copy[key] = "#/definitions/" + name;
                    }
                    else if (key != "nullable" || value is not JsonValue)
                        copy[key] = Rewrite(value, components, definitions);
                }
                return o["nullable"] is JsonValue nullable && nullable.GetValue<bool>()
                    ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, copy) }
                    : copy;
            default:
                return node?.DeepClone();
        }
    }
}
