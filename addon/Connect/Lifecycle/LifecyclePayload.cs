using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Lifecycle;

/// <summary>
/// The body Jira POSTs to lifecycle callbacks ("Connect app descriptor: lifecycle", payload fields
/// key, clientKey, sharedSecret, baseUrl, displayUrl, productType, description, eventType, cloudId …).
/// </summary>
public sealed record LifecyclePayload(
    string Key, string ClientKey, string EventType, string? SharedSecret, Uri? BaseUrl, string? DisplayUrl,
    string? ProductType, string? Description, string? CloudId, string? ServerVersion, string? PluginsVersion)
{
    public static Result<LifecyclePayload> Parse(JsonElement body)
    {
        if (Text(body, "eventType") is not { Length: > 0 } eventType)
            return ApiError.BadRequest("The lifecycle body has no eventType.");
        if (Text(body, "clientKey") is not { Length: > 0 } clientKey)
            return ApiError.BadRequest("The lifecycle body has no clientKey.");
        if (clientKey.Length > 500)
            return ApiError.BadRequest("The clientKey is longer than 500 characters.");
        if (Text(body, "key") is not { Length: > 0 } key)
            return ApiError.BadRequest("The lifecycle body has no key (the app key).");

        Uri? baseUrl = null;
        if (Text(body, "baseUrl") is { Length: > 0 } baseUrlText
            && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
            return ApiError.BadRequest($"The baseUrl '{baseUrlText}' is not an absolute http(s) URL.");

        return new LifecyclePayload(key, clientKey, eventType, Text(body, "sharedSecret"), baseUrl, Text(body, "displayUrl"),
            Text(body, "productType"), Text(body, "description"), Text(body, "cloudId"), Text(body, "serverVersion"), Text(body, "pluginsVersion"));
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => $"{EventType} from {ClientKey} ({BaseUrl})"; // never the secret
}
