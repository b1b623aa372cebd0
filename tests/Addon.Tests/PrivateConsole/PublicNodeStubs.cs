using System.Collections.Specialized;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Jira;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>The public node's invitation routes as WireMock plays them, and what the private node sent to them.</summary>
public static class PublicNodeStubs
{
    public const string StatusRoute = PrivateNode.PublicPrefix + "/transport/v1/invitations/status";
    public const string AcceptRoute = PrivateNode.PublicPrefix + "/transport/v1/accept";

    public static IRequestBuilder Status() => Request.Create().UsingPost().WithPath(StatusRoute);
    public static IRequestBuilder Accept() => Request.Create().UsingPost().WithPath(AcceptRoute);

    public static IResponseBuilder StatusAnswer(string status) => JiraStubs.Json(200, new JsonObject
    {
        ["status"] = status,
        ["connectionName"] = InvitationCodes.ConnectionName,
        ["mode"] = "basic",
        ["type"] = "private",
        ["expiresAt"] = "2030-01-02T03:04:05Z",
    }.ToJsonString());

    /// <summary>The accept answer of transport v1 for the connection in <paramref name="payload"/>; a public node that names its Jira site adds <paramref name="site"/>.</summary>
    public static IResponseBuilder AcceptAnswer(JsonObject payload, JsonObject? site = null) => JiraStubs.Json(200, new JsonObject
    {
        ["connectionId"] = InvitationCodes.ConnectionIdOf(payload),
        ["name"] = InvitationCodes.ConnectionName,
        ["mode"] = "basic",
        ["type"] = "private",
        ["publicNode"] = new JsonObject { ["name"] = "Exalate at acme.example", ["version"] = "1.2.3", ["baseUrl"] = payload["url"]!.GetValue<string>() },
        ["publicProject"] = new JsonObject { ["key"] = "ACME", ["name"] = "Acme Support" },
        ["publicSite"] = site,
    }.ToJsonString());

    public static IResponseBuilder Refusal(int status, string code) =>
        JiraStubs.Json(status, new JsonObject { ["error"] = code, ["message"] = "Refused by the public node: " + code }.ToJsonString());

    /// <summary>
    /// Waits until <paramref name="count"/> requests to <paramref name="route"/> are logged: WireMock logs a request once
    /// it has answered, so one whose answer was delayed shows up only after that delay.
    /// </summary>
    public static async Task<IReadOnlyList<IRequestMessage>> ReceivedAtLeast(this PrivateNode node, string route, int count, TimeSpan limit)
    {
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, NotifyCollectionChangedEventArgs? e)
        {
            if (node.Received(route).Count >= count)
                enough.TrySetResult();
        }
        node.PublicNode.LogEntriesChanged += Check;
        try
        {
            Check(null, null);
            await enough.Task.WaitAsync(limit);
        }
        finally
        {
            node.PublicNode.LogEntriesChanged -= Check;
        }
        return node.Received(route);
    }

    public static IReadOnlyList<IRequestMessage> Received(this PrivateNode node, string route) =>
        node.PublicNode.LogEntries.Select(e => e.RequestMessage!).Where(r => r.Path == route).OrderBy(r => r.DateTime).ToList();
}
