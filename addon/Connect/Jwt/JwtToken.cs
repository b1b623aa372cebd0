namespace ConnectAddon.Connect.Jwt;

/// <summary>Where Jira puts its token: <c>Authorization: JWT &lt;token&gt;</c>, or the <c>jwt</c> query parameter of page loads.</summary>
public static class JwtToken
{
    public static string? Find(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            const string scheme = "JWT ";
            return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        }
        var fromQuery = request.Query["jwt"];
        return fromQuery.Count == 1 && !string.IsNullOrEmpty(fromQuery[0]) ? fromQuery[0] : null;
    }
}
