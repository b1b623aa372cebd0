using System.Text.Json.Nodes;

namespace ConnectAddon.TestKit;

/// <summary>The body Jira POSTs to lifecycle callbacks, with the fields a real site sends.</summary>
public static class LifecycleBody
{
    public static JsonObject For(string eventType, string appKey, string clientKey, string siteBaseUrl, string? sharedSecret = null)
    {
        var body = new JsonObject
        {
            ["key"] = appKey,
            ["clientKey"] = clientKey,
            ["baseUrl"] = siteBaseUrl,
            ["displayUrl"] = siteBaseUrl,
            ["productType"] = "jira",
            ["description"] = "Atlassian JIRA at " + siteBaseUrl,
            ["eventType"] = eventType,
            ["cloudId"] = Guid.NewGuid().ToString(),
            ["serverVersion"] = "100248",
            ["pluginsVersion"] = "1001.0.0-SNAPSHOT",
        };
        if (sharedSecret is not null)
            body["sharedSecret"] = sharedSecret;
        return body;
    }

    /// <summary>A shared secret shaped like Jira's: long, random, printable.</summary>
    public static string NewSharedSecret() => Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
}
