using System.Text.Json.Nodes;

namespace JiraSim.Tests.OpenApi;

/// <summary>Asserts that a simulator response has the expected status and conforms to the OpenAPI document.</summary>
public static class Conformance
{
    /// <returns>The body parsed, or null when it is empty.</returns>
    public static async Task<JsonNode?> CheckAsync(Task<HttpResponseMessage> call, string method, string pathTemplate, int expectedStatus)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expectedStatus), $"{method} {pathTemplate}: {body}");
        Assert.That(OpenApiResponseValidator.Validate(method, pathTemplate, (int)response.StatusCode, body), Is.Empty, $"{method} {pathTemplate}: {body}");
        return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
    }

    /// <summary>Asserts that a value (an issue field's, say) is present and conforms to a component schema of the document.</summary>
    public static void Component(string schemaName, JsonNode? value)
    {
        Assert.That(value, Is.Not.Null, schemaName);
        Assert.That(OpenApiResponseValidator.ValidateComponent(schemaName, value!.ToJsonString()), Is.Empty, value.ToJsonString());
    }
}
