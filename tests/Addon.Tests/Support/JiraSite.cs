using System.Text.Json.Nodes;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Support;

/// <summary>A Jira Cloud site as a test plays it: its clientKey, base URL and the shared secret it sent at install.</summary>
public sealed record JiraSite(string ClientKey, string BaseUrl, string SharedSecret)
{
    /// <summary>A request token as Jira makes it for a call to the app: HS256, iss = clientKey, qsh of the request.</summary>
    public string Token(string method, string path, (string, string)[]? query = null, string? subject = null, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null) =>
        TokenMinter.Hs256(SharedSecret, TokenMinter.Claims(ClientKey, Qsh.Of(method, path, query ?? []), lifetime, issuedAt, subject));

    public string Token(JsonObject claims) => TokenMinter.Hs256(SharedSecret, claims);

    /// <summary>A context token as <c>AP.context.getToken()</c> returns it.</summary>
    public string ContextToken(string subject = "557058:admin") =>
        TokenMinter.Hs256(SharedSecret, TokenMinter.Claims(ClientKey, "context-qsh", subject: subject));
}
