using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using ConnectAddon.Tests.Transport.Exchange;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Hosting;

/// <summary>
/// The class around "a '..' as an id answers 500" (DESIGN §9): every route either role maps is called with hostile
/// values in each of its route parameters and in every field a body of this API may carry, as the caller that route
/// trusts (a Jira admin's context token, a signed request, the console's session). Each answer is a 4xx with a JSON
/// reason, never a 5xx, and the connections on both sides are exactly as they were. The routes come from the running
/// app, so a route added later is covered without being listed here.
/// </summary>
public class RouteBadInputTests
{
    // As a client could write them into a URL: dot segments plain and encoded, encoded separators, invalid UTF-8
    // (a NUL byte is refused by the server itself before any route, over a socket and in the test server alike), a right-to-left override, numbers out of range, a header injection, a very long value.
    private static readonly string[] HostileSegments =
    [
        "..", "%2E%2E", "%2e", ".", "%2F", "a%2F..%2Fb", "%FF%FE", "%E2%80%AE", "-1", "99999999999999999999999",
        "ACME-1%0D%0AX-Injected:%20yes", new string('9', 3000), "%20", "null", "ACME-1%3F%23",
    ];

    // As a client could put them into a JSON body.
    private static readonly string[] HostileTexts =
    [
        "..", ".", "../../x", "%2E%2E", "\u0000", "ACME-1/../..", "ACME-1?x=1", new string('A', 5000), "\u202E", " ", "-1",
        "99999999999999999999999", "EXI1.", "EXI1.%%%", "key = ACME ORDER BY created", LoneSurrogate,
    ];

    // Written into the JSON as the escape \ud800: valid JSON, yet no text (an outside attack found it answered 500).
    private const string LoneSurrogate = "LONE-SURROGATE-SENTINEL";

    // Every field a request body of this app reads (the admin API, the console API, the issue view, transport v1).
    // "name" is left out on purpose: any text is a valid connection name, so it would change state honestly.
    private static readonly string[] BodyFields =
        ["projectId", "projectKey", "issue", "jql", "code", "connectionId", "secret", "nonce", "username", "password", "direction"];

    // Routes that read no body, so a body sweep would only perform them honestly (and end the test's own session).
    // A new route that changes state without reading its body fails the "changes nothing" check until it is named here.
    private static readonly string[] BodylessRoutes = ["/console/logout", "/connections/{id}/deactivate"];

    private ExchangePair pair = null!;
    private HttpClient console = null!;

    [OneTimeSetUp]
    public async Task StartAConnectedPair()
    {
        pair = await ExchangePair.StartAsync();
        console = pair.PrivateApp.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await console.PostAsync("/console/login", Json(new JsonObject { ["username"] = "admin", ["password"] = PrivateNode.Password }));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        console.Dispose();
        await pair.DisposeAsync();
    }

    [Test]
    public async Task EveryPublicRoute_WithHostileRouteValues_Answers4xx_AndChangesNoConnection() =>
        await AssertEveryRouteRefusesAsync(pair.Public.App, Public, withBodies: false);

    [Test]
    public async Task EveryPublicRoute_WithHostileBodyFields_Answers4xx_AndChangesNoConnection() =>
        await AssertEveryRouteRefusesAsync(pair.Public.App, Public, withBodies: true);

    [Test]
    public async Task EveryPrivateRoute_WithHostileRouteValues_Answers4xx_AndChangesNoConnection() =>
        await AssertEveryRouteRefusesAsync(pair.PrivateApp, Private, withBodies: false);

    [Test]
    public async Task EveryPrivateRoute_WithHostileBodyFields_Answers4xx_AndChangesNoConnection() =>
        await AssertEveryRouteRefusesAsync(pair.PrivateApp, Private, withBodies: true);

    private async Task AssertEveryRouteRefusesAsync(WebApplicationFactory<Program> app, Func<HttpRequestMessage, string, HttpClient> caller, bool withBodies)
    {
        var before = await ConnectionsAsync();
        var routes = Routes(app);
        Assert.That(routes, Is.Not.Empty);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, pattern) in routes)
            foreach (var (path, body) in Requests(pattern, method, withBodies))
            {
                // System.Uri removes literal dot segments before the request leaves, as browsers do; encoded ones
                // (%2E%2E) go as written. Kestrel's own handling of both is tested over a socket (DotSegmentGuardTests).
                using var request = new HttpRequestMessage(new HttpMethod(method), "http://localhost" + path);
                if (body is not null)
                    request.Content = Json(body);
                using var response = await caller(request, path).SendAsync(request);
                sent++;
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500)
                    failures.Add($"{method} {Shorten(path)} {Shorten(body?.ToJsonString())} → {status}: {Shorten(text)}");
                else if (status >= 400 && !IsJsonRefusal(text))
                    failures.Add($"{method} {Shorten(path)} → {status} without a JSON reason: {Shorten(text)}");
            }

        Assert.Multiple(async () =>
        {
            Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} hostile requests were not refused cleanly");
            Assert.That(await ConnectionsAsync(), Is.EqualTo(before), "no refused request changes a connection");
        });
    }

    /// <summary>The requests for one route: each route parameter hostile in turn (the others real), or each body field hostile in turn.</summary>
    private IEnumerable<(string Path, JsonObject? Body)> Requests(RoutePattern pattern, string method, bool withBodies)
    {
        var names = pattern.Parameters.Select(p => p.Name).ToList();
        if (!withBodies)
        {
            foreach (var name in names)
                foreach (var hostile in HostileSegments)
                    yield return (PathOf(pattern, name, hostile), null);
            yield break;
        }
        if (method is not ("POST" or "PUT" or "PATCH") || BodylessRoutes.Any(r => pattern.RawText?.EndsWith(r, StringComparison.Ordinal) == true))
            yield break;
        foreach (var field in BodyFields)
            foreach (var hostile in HostileTexts)
                yield return (PathOf(pattern, null, null), new JsonObject { [field] = hostile, ["mode"] = "basic", ["type"] = "private" });
    }

    /// <summary>The route's path with real values (the pair's connection, a Jira-like issue id) except <paramref name="hostileName"/>.</summary>
    private string PathOf(RoutePattern pattern, string? hostileName, string? hostile)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter when parameter.Name == hostileName => hostile,
                    RoutePatternParameterPart { Name: "id" or "connectionId" } => pair.ConnectionId,
                    RoutePatternParameterPart { Name: "issueId" } => "10000",
                    RoutePatternParameterPart { Name: "kind" } => "issue-updated",
                    RoutePatternParameterPart { Name: "direction" } => "out",
                    RoutePatternParameterPart => "ACME-1",
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                });
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>The public node's caller: the trust each route accepts, as tenant A's Jira administrator.</summary>
    private HttpClient Public(HttpRequestMessage request, string path)
    {
        var tenant = pair.Public.TenantA;
        if (path.StartsWith("/api/", StringComparison.Ordinal))
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT", pair.Public.ContextToken(tenant));
        else if (path.StartsWith("/webhooks/", StringComparison.Ordinal) || path.StartsWith("/pages/", StringComparison.Ordinal) || path.StartsWith("/lifecycle/", StringComparison.Ordinal))
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT",
                tenant.Site.Token(request.Method.Method, Uri.UnescapeDataString(path), issuedAt: pair.Public.Clock.GetUtcNow()));
        return pair.Public.App.CreateClient();
    }

    /// <summary>The private node's caller: its console session; the same-origin headers a browser sends with it.</summary>
    private HttpClient Private(HttpRequestMessage request, string path)
    {
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return console;
    }

    private static List<(string Method, RoutePattern Pattern)> Routes(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern)))
            .ToList();

    private async Task<string> ConnectionsAsync()
    {
        const string sql = "SELECT id || ',' || name || ',' || status || ',' || local_project_id FROM connections ORDER BY id";
        return string.Join(";", await pair.Public.Host.Database.QueryAsync<string>(sql)) + " | "
               + string.Join(";", await pair.PrivateHost.Database.QueryAsync<string>(sql));
    }

    private static bool IsJsonRefusal(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out _) && json.RootElement.TryGetProperty("message", out var message)
                   && message.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString().Replace("\"" + LoneSurrogate + "\"", "\"\\ud800\""), Encoding.UTF8, "application/json");

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..160] + "…";
}
