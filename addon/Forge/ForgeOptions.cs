using System.Text.RegularExpressions;

namespace ConnectAddon.Forge;

/// <summary>
/// The Forge app this node is the remote of, read from <c>Forge</c>. Without <see cref="AppId"/> the node accepts no
/// Forge call (every invocation token is refused with the reason): the Connect install path works alone.
/// </summary>
public sealed partial class ForgeOptions
{
    public const string Section = "Forge";
    public const string AriPrefix = "ari:cloud:ecosystem::app/";

    /// <summary>
    /// The app's id, as manifest.yml's <c>app.id</c> holds it (<c>ari:cloud:ecosystem::app/&lt;uuid&gt;</c>) or the bare uuid
    /// that <c>forge register</c> printed: every invocation token must be for this audience.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>Where Forge publishes the keys invocation tokens are signed with ("Forge Remote essentials").</summary>
    public Uri JwksUrl { get; set; } = new("https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json");

    /// <summary><see cref="AppId"/> as the tokens' <c>aud</c> says it; null when not set.</summary>
    public string? AppAri => AppId?.Trim() is { Length: > 0 } id ? (id.StartsWith(AriPrefix, StringComparison.Ordinal) ? id : AriPrefix + id) : null;

    /// <summary>Why the settings cannot be used, or null.</summary>
    public string? Problem =>
        AppAri is { } ari && !AppUuid().IsMatch(ari[AriPrefix.Length..])
            ? $"Forge:AppId '{AppId}' is not a Forge app id (ari:cloud:ecosystem::app/<uuid>, or the uuid)"
            : JwksUrl is not { IsAbsoluteUri: true, Scheme: "https" or "http" }
                ? "Forge:JwksUrl must be an absolute http(s) URL"
                : null;

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex AppUuid();
}
