using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConnectAddon.Tests.Jira;

/// <summary>WireMock helpers for playing Jira: answers in sequence, Jira's JSON bodies, and reading what arrived.</summary>
public static class JiraStubs
{
    /// <summary>Answers matching requests with each response in turn; the last one answers every request after it.</summary>
    public static void Sequence(this WireMockServer site, IRequestBuilder request, params IResponseBuilder[] answers)
    {
        var scenario = "sequence-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < answers.Length; i++)
        {
            var mapping = site.Given(request).InScenario(scenario);
            if (i > 0)
                mapping = mapping.WhenStateIs("after-" + i);
            if (i < answers.Length - 1)
                mapping = mapping.WillSetStateTo("after-" + (i + 1));
            mapping.RespondWith(answers[i]);
        }
    }

    public static IResponseBuilder Json(int status, string json) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=UTF-8").WithBody(json);

    /// <summary>Jira's ErrorCollection body.</summary>
    public static IResponseBuilder JiraErrors(int status, string[] errorMessages, Dictionary<string, string>? errors = null)
    {
        var body = new JsonObject
        {
            ["errorMessages"] = new JsonArray(errorMessages.Select(m => (JsonNode?)m).ToArray()),
            ["errors"] = new JsonObject((errors ?? []).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
        };
        return Json(status, body.ToJsonString());
    }

    public static IRequestBuilder At(string method, string path) =>
        Request.Create().UsingMethod(method).WithPath(JiraHarness.Prefix + path);

    public static IReadOnlyList<IRequestMessage> Requests(this WireMockServer site) =>
        site.LogEntries.Select(e => e.RequestMessage!).OrderBy(r => r.DateTime).ToList();

    public static IRequestMessage Single(this WireMockServer site)
    {
        var requests = site.Requests();
        Assert.That(requests, Has.Count.EqualTo(1), "Jira should have received exactly one request");
        return requests[0];
    }

    public static string Header(this IRequestMessage request, string name) =>
        request.Headers!.First(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.Single();

    public static string? Param(this IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public static JsonNode BodyJson(this IRequestMessage request) => JsonNode.Parse(request.Body!)!;
}
