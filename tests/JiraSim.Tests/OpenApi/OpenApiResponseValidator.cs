using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace JiraSim.Tests.OpenApi;

/// <summary>
/// Checks a response against Atlassian's OpenAPI document (<c>shared/reference/jira-platform-openapi-v3.json</c>):
/// the status must be documented for the operation, and the body must match what that status documents.
/// An operation the document does not have throws; an undocumented status is reported. Never passes vacuously.
/// </summary>
public static class OpenApiResponseValidator
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(ReferenceFiles.Path("jira-platform-openapi-v3.json")))!);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);
    private static readonly Lock Sync = new();

    /// <param name="pathTemplate">As the document writes it, e.g. <c>/rest/api/3/issue/{issueIdOrKey}</c>.</param>
    /// <param name="json">The response body; empty for none (also for a non-JSON body such as attachment bytes).</param>
    /// <returns>Where the response departs from the document; empty when it conforms.</returns>
    public static IReadOnlyList<string> Validate(string method, string pathTemplate, int status, string json)
    {
        var operation = $"{method.ToUpperInvariant()} {pathTemplate}";
        var expectation = Expect(method, pathTemplate, status);
        if (expectation.Undocumented is { } documented)
            return [$"{operation}: status {status} is not documented (documented: {documented})."];
        var hasBody = !string.IsNullOrWhiteSpace(json);
        if (status == 204)
            return hasBody ? [$"{operation}: 204 must have no body."] : [];
        if (!hasBody)
            return expectation.Schema is null ? [] : [$"{operation}: {status} documents a JSON body ({expectation.SchemaName}), the response has none."];
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [$"{operation}: the body is not JSON ({e.Message})."];
        }
        if (expectation.Schema is null)
            return expectation.AnyJson ? [] : [$"{operation}: {status} is documented without a body, the response has one."];
        return expectation.Schema.Validate(json).SelectMany(e => Describe(e, "")).Select(m => $"{operation} {status} ({expectation.SchemaName}): {m}").ToList();
    }

    /// <summary>
    /// Checks JSON against one of the document's component schemas, e.g. "UserDetails": IssueBean leaves its
    /// <c>fields</c> untyped, so the values of the standard fields are checked one by one.
    /// </summary>
    public static IReadOnlyList<string> ValidateComponent(string schemaName, string json)
    {
        JsonSchema schema;
        lock (Sync)
        {
            if (Document.Value["components"]!["schemas"]![schemaName] is null)
                throw new ArgumentException($"{schemaName} is not a schema of the OpenAPI document.", nameof(schemaName));
            schema = Component(schemaName);
        }
        return schema.Validate(json).SelectMany(e => Describe(e, "")).Select(m => $"{schemaName}: {m}").ToList();
    }

    private sealed record Expectation(JsonSchema? Schema, string SchemaName, bool AnyJson, string? Undocumented);

    private static Expectation Expect(string method, string pathTemplate, int status)
    {
        lock (Sync)
        {
            var operation = Document.Value["paths"]?[pathTemplate]?[method.ToLowerInvariant()] as JsonObject
                ?? throw new ArgumentException($"{method.ToUpperInvariant()} {pathTemplate} is not an operation of the OpenAPI document.", nameof(pathTemplate));
            var responses = operation["responses"] as JsonObject ?? [];
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = responses[code] ?? responses["default"];
            if (response is null)
                return new Expectation(null, "", false, string.Join(", ", responses.Select(r => r.Key)));
            var media = response["content"]?["application/json"];
            if (media?["schema"] is { } schema)
                return new Expectation(Cached($"{method} {pathTemplate} {code}", schema), Name(schema), true, null);
            // Jira answers every error with an ErrorCollection, documented or not (DESIGN §7a); a 2xx documented
            // without content has no body.
            if (media is null && status >= 400)
                return new Expectation(Component("ErrorCollection"), "ErrorCollection", false, null);
            return new Expectation(null, "", media is not null, null);
        }
    }

    private static JsonSchema Cached(string key, JsonNode schema) =>
        Schemas.GetOrAdd(key, _ => StandaloneSchema.Build(schema, (JsonObject)Document.Value["components"]!["schemas"]!));

    private static JsonSchema Component(string name) =>
        Cached("#/components/schemas/" + name, new JsonObject { ["$ref"] = "#/components/schemas/" + name });

    private static string Name(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>().Split('/')[^1]
        ?? (schema["items"]?["$ref"]?.GetValue<string>() is { } items ? $"array of {items.Split('/')[^1]}" : "inline schema");

    private static IEnumerable<string> Describe(ValidationError error, string indent)
    {
        var where = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        yield return $"{indent}{where}: {error.Kind}";
        var children = error switch
        {
            ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e),
            MultiTypeValidationError multi => multi.Errors.Values.SelectMany(e => e),
            _ => [],
        };
        foreach (var line in children.SelectMany(c => Describe(c, indent + "  ")))
            yield return line;
    }
}
