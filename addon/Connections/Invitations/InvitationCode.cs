using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connections.Invitations;

/// <summary>
/// What an admin hands to the partner (Connections/README.md, "Invitation code"): <c>EXI1.</c> + base64url of
/// <c>{"v":1,"url","cid","s","m","t","exp","ver","n"}</c>. Only <see cref="ConnectionId"/> and <see cref="Secret"/>
/// are credentials; the rest tells the accepting node where to go and what it is accepting. <see cref="ToString"/> hides the secret.
/// </summary>
public sealed record InvitationCode(
    Uri PublicNodeUrl, string ConnectionId, InvitationSecret Secret, string Mode, string Type,
    DateTimeOffset ExpiresAt, string IssuerVersion, string ConnectionName)
{
    public const string Prefix = "EXI1.";
    public const int MaxLength = 4096;

    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteString("url", PublicNodeUrl.AbsoluteUri.TrimEnd('/'));
            json.WriteString("cid", ConnectionId);
            json.WriteString("s", Secret.ToText());
            json.WriteString("m", Mode);
            json.WriteString("t", Type);
            json.WriteNumber("exp", ExpiresAt.ToUnixTimeSeconds());
            json.WriteString("ver", IssuerVersion);
            json.WriteString("n", ConnectionName);
            json.WriteEndObject();
        }
        return Prefix + Base64UrlText.Encode(buffer.ToArray());
    }

    /// <summary>
    /// The code's content, or a 400 <c>invitation_malformed</c> that says which part is wrong. Surrounding
    /// whitespace (a pasted line break) is ignored. Says nothing about expiry: compare <see cref="ExpiresAt"/> with the clock.
    /// </summary>
    public static Result<InvitationCode> Decode(string? code)
    {
        var text = code?.Trim();
        if (string.IsNullOrEmpty(text))
            return Malformed("the code is empty");
        if (text.Length > MaxLength)
            return Malformed($"the code is longer than {MaxLength} characters");
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            return Malformed($"the code does not start with '{Prefix}'");
        if (Base64UrlText.TryDecode(text[Prefix.Length..]) is not { } utf8)
            return Malformed("the part after the prefix is not base64url");
        using var document = JsonText.Parse(utf8);
        return document is null ? Malformed("the content is not JSON text") : Read(document.RootElement);
    }

    private static Result<InvitationCode> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Malformed("the content is not a JSON object");
        if (!root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
            return Malformed("the version 'v' is missing");
        if (version != 1)
            return Malformed($"version {version} is not supported by this node");
        if (Text(root, "url", 2000) is not { } urlText || !Uri.TryCreate(urlText, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.UserInfo.Length > 0)
            return Malformed("'url' is not an absolute http(s) URL");
        if (Text(root, "cid", 100) is not { } cid || !Connections.ConnectionId.IsWellFormed(cid))
            return Malformed("'cid' is not a connection id");
        if (InvitationSecret.FromText(Text(root, "s", 100)) is not { } secret)
            return Malformed("'s' is not a 32-byte base64url secret");
        if (Text(root, "m", 40) is not "basic")
            return Malformed("'m' (mode) must be 'basic'");
        if (Text(root, "t", 40) is not "private")
            return Malformed("'t' (type) must be 'private'");
        if (!root.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expSeconds)
            || expSeconds <= 0 || expSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return Malformed("'exp' is not a time in Unix seconds");
        if (Text(root, "ver", 100) is not { } issuerVersion)
            return Malformed("'ver' (the issuing node's version) is missing");
        if (Text(root, "n", 200) is not { } name)
            return Malformed("'n' (the connection's name) is missing");
        return new InvitationCode(url, cid, secret, "basic", "private", DateTimeOffset.FromUnixTimeSeconds(expSeconds), issuerVersion, name);
    }

    /// <summary>A non-blank string property without control characters, at most <paramref name="maxLength"/> long; null otherwise.</summary>
    private static string? Text(JsonElement root, string name, int maxLength) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text
        && !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength && !text.Any(char.IsControl)
            ? text
            : null;

    private static ApiError Malformed(string reason) =>
        new(StatusCodes.Status400BadRequest, "invitation_malformed", $"The invitation code is malformed: {reason}. Copy the whole code again from the inviting Jira.");

    public override string ToString() => $"InvitationCode {ConnectionId} for {PublicNodeUrl} (secret redacted)";
}
