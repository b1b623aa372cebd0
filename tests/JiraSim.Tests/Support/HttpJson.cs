using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace JiraSim.Tests.Support;

public static class HttpJson
{
    public static async Task<(int Status, JsonNode? Body)> SendJson(this HttpClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Creates an issue through REST and returns its key.</summary>
    public static Task<string> CreateIssue(this HttpClient client, string project, string type, string summary, JsonNode? description = null) =>
        client.CreateIssue(SimClients.V3("issue"), project, type, summary, description);

    /// <summary>Creates an issue through a Data Center site's REST v2 (a wiki-markup description) and returns its key.</summary>
    public static Task<string> CreateIssueV2(this HttpClient client, string project, string type, string summary, string? description = null) =>
        client.CreateIssue(SimClients.V2("issue"), project, type, summary, description);

    private static async Task<string> CreateIssue(this HttpClient client, string path, string project, string type, string summary, JsonNode? description)
    {
        var fields = new JsonObject { ["project"] = new JsonObject { ["key"] = project }, ["issuetype"] = new JsonObject { ["name"] = type }, ["summary"] = summary };
        if (description is not null)
            fields["description"] = description;
        var (status, body) = await client.SendJson(HttpMethod.Post, path, new JsonObject { ["fields"] = fields });
        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        return body!["key"]!.GetValue<string>();
    }
}
