using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>The admin API's bodies: what it shows of a site (never shared secrets), its errors, reading request fields.</summary>
public static class AdminJson
{
    public static object Site(SimulatorState state, SimSite site)
    {
        var identity = state.Connect.Identity(site);
        lock (site.Sync)
            return new
            {
                key = site.Key,
                baseUrl = site.BaseUrlText,
                clientKey = identity.ClientKey,
                cloudId = identity.CloudId,
                users = site.Users.Select(u => new { accountId = u.AccountId, displayName = u.DisplayName, accountType = u.AccountType, email = u.Email, admin = u.IsAdmin }).ToList(),
                projects = site.Projects.Select(p => new { id = p.Id, key = p.Key, name = p.Name }).ToList(),
                issues = site.Issues.Count,
                apps = site.Apps.Values.Select(App).ToList(),
            };
    }

    public static object App(SimApp app) => new { key = app.Key, baseUrl = app.BaseUrl.ToString().TrimEnd('/'), enabled = app.Enabled, userAccountId = app.UserAccountId };

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    public static IResult NoSite(string site) => Error(404, $"No site '{site}'.");

    public static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public static int? Number(JsonObject? body, string name) =>
        body?[name] is JsonValue v && v.TryGetValue<int>(out var number) ? number : null;
}
