using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// What Jira reads from a Connect app descriptor ("Connect app descriptor"): key, name, baseUrl, the lifecycle
/// callbacks and the webhooks. Only JWT apps are supported, as a Jira Cloud app that installs with a shared secret.
/// </summary>
public sealed record AppDescriptor(
    string Key, string Name, string Description, Uri BaseUrl, IReadOnlyDictionary<string, string> Lifecycle,
    IReadOnlyList<WebhookSubscription> Webhooks, JsonObject Json)
{
    /// <summary>The base URL without a trailing '/': the <c>aud</c> of signed installs.</summary>
    public string BaseUrlText => BaseUrl.ToString().TrimEnd('/');

    public static AppDescriptor Parse(string json)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e) { throw new AppInstallException("The descriptor is not JSON: " + e.Message, inner: e); }
        return Parse(node as JsonObject ?? throw new AppInstallException("The descriptor is not a JSON object."));
    }

    public static AppDescriptor Parse(JsonObject json)
    {
        var key = Text(json, "key") ?? throw new AppInstallException("The descriptor has no key.");
        var baseUrlText = Text(json, "baseUrl") ?? throw new AppInstallException("The descriptor has no baseUrl.");
        if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new AppInstallException($"The descriptor's baseUrl '{baseUrlText}' is not an absolute http(s) URL.");
        if (Text(json["authentication"], "type") is { } auth && !auth.Equals("jwt", StringComparison.OrdinalIgnoreCase))
            throw new AppInstallException($"The descriptor's authentication is '{auth}'; the simulator installs JWT apps only.");

        var lifecycle = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json["lifecycle"] is JsonObject callbacks)
            foreach (var (name, value) in callbacks)
                if (value is JsonValue v && v.TryGetValue<string>(out var path))
                    lifecycle[name] = path;

        var webhooks = ReadWebhooks(json, strict: true);
        return new AppDescriptor(key, Text(json, "name") ?? key, Text(json, "description") ?? "", baseUrl, lifecycle, webhooks, json);
    }

    /// <summary>
    /// The descriptor of an installed app. An app put on a site by hand (tests of REST authentication) may have an
    /// empty descriptor: it then has no callbacks and subscribes to no webhooks.
    /// </summary>
    public static AppDescriptor Of(SimApp app)
    {
        try { return Parse(app.Descriptor); }
        catch (AppInstallException)
        {
            return new AppDescriptor(app.Key, app.Key, "", app.BaseUrl, new Dictionary<string, string>(), ReadWebhooks(app.Descriptor, strict: false), app.Descriptor);
        }
    }

    /// <summary>A URL of the app: <paramref name="path"/> is relative to the base URL, which may itself have a path.</summary>
    public Uri Resolve(string path) => Resolve(BaseUrl, path);

    public static Uri Resolve(Uri baseUrl, string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(baseUrl.ToString().TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path));

    private static List<WebhookSubscription> ReadWebhooks(JsonObject json, bool strict)
    {
        var webhooks = new List<WebhookSubscription>();
        foreach (var hook in (json["modules"] as JsonObject)?["webhooks"] as JsonArray ?? [])
        {
            if (Text(hook, "event") is not { } eventName || Text(hook, "url") is not { } url)
            {
                if (strict)
                    throw new AppInstallException("A webhook of the descriptor has no event or url.");
                continue;
            }
            webhooks.Add(new WebhookSubscription(eventName, url,
                hook!["excludeBody"] is JsonValue exclude && exclude.TryGetValue<bool>(out var excluded) && excluded, Text(hook, "filter")));
        }
        return webhooks;
    }

    private static string? Text(JsonNode? owner, string name) =>
        owner is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
