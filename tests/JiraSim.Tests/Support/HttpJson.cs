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
    public static async Task<string> CreateIssue(this HttpClient client, string project, string type, string summary, JsonNode? description = null)
    {
        var fields = new JsonObject { ["project"] = new JsonObject { ["key"] = project }, ["issuetype"] = new JsonObject { ["name"] = type }, ["summary"] = summary };
        if (description is not null)
            fields["description"] = description;
        var (status, body) = await client.SendJson(HttpMethod.Post, SimClients.V3("issue"), new JsonObject { ["fields"] = fields });
        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        return body!["key"]!.GetValue<string>();
    }
}
