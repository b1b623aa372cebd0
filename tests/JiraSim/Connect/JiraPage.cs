using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// A minimal Jira-like page that hosts an app's page module in an iframe the way Jira does ("Connect: page
/// modules"): the iframe URL carries Jira's context parameters and a page-load JWT (HS256, <c>iss</c> = clientKey,
/// <c>sub</c> = the signed-in user, <c>qsh</c> of the GET), and the host answers the iframe's <c>AP</c> calls over
/// postMessage — <c>AP.context.getToken()</c> with a context token (<c>qsh = context-qsh</c>) for that user.
/// </summary>
public static partial class JiraPage
{
    public static readonly TimeSpan ContextTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The module of that key among the descriptor's admin and general pages, and its URL.</summary>
    public static (string Name, string Url)? FindModule(JsonObject descriptor, string moduleKey)
    {
        foreach (var kind in new[] { "adminPages", "generalPages" })
            foreach (var module in (descriptor["modules"]?[kind] as JsonArray) ?? [])
                if (module?["key"]?.GetValue<string>() == moduleKey && module["url"]?.GetValue<string>() is { } url)
                    return (module["name"]?["value"]?.GetValue<string>() ?? moduleKey, url);
        return null;
    }

    /// <summary>The iframe URL: the module URL with Jira's context parameters and a page-load JWT for <paramref name="user"/>.</summary>
    public static Uri SignedModuleUrl(SimSite site, SimApp app, string clientKey, string moduleUrl, SimUser user, DateTimeOffset now)
    {
        var target = AppDescriptor.Resolve(app.BaseUrl, moduleUrl);
        var separator = target.Query.Length > 0 ? "&" : "?";
        var context = $"xdm_e={Uri.EscapeDataString(site.BaseUrlText)}&xdm_c=channel-{Uri.EscapeDataString(app.Key)}&cp=&lic=none&tz=Etc%2FUTC&loc=en-US";
        var unsigned = new Uri(target + separator + context);
        var claims = TokenMinter.Claims(clientKey, ConnectTokens.Qsh("GET", unsigned, app.BaseUrl), ConnectTokens.Lifetime, now, subject: user.AccountId);
        return new Uri(unsigned + "&jwt=" + TokenMinter.Hs256(app.SharedSecret, claims));
    }

    public static string ContextToken(SimApp app, string clientKey, SimUser user, DateTimeOffset now) =>
        TokenMinter.Hs256(app.SharedSecret, TokenMinter.Claims(clientKey, "context-qsh", ContextTokenLifetime, now, subject: user.AccountId));

    public static string Html(SimSite site, SimApp app, string pageName, Uri frameUrl, SimUser user, IEnumerable<SimUser> people, string tokenUrl) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{E(pageName)}} - {{E(site.Key)}} - Jira (simulated)</title>
          <style>
            {{HostStyles}}
            iframe{display:block;width:100%;height:calc(100vh - 90px);border:0}
          </style>
        </head>
        <body>
          {{Header(site, user, people)}}
          <nav>Settings → Apps → {{E(AppName(app))}} → {{E(pageName)}}</nav>
          <iframe id="app-frame" title="{{E(pageName)}}" src="{{E(frameUrl.ToString())}}"></iframe>
          {{HostScript(frameUrl, tokenUrl)}}
        </body>
        </html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string AppName(SimApp app) => app.Descriptor["name"]?.GetValue<string>() ?? app.Key;

    private const string HostStyles = """
        body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#172B4D;font-size:14px}
        header{display:flex;align-items:center;gap:16px;padding:8px 16px;background:#0747A6;color:#fff}
        header strong{font-size:16px} header form{margin-left:auto}
        nav{padding:8px 16px;color:#5E6C84;border-bottom:1px solid #DFE1E6}
        """;

    /// <summary>The top bar with the user switcher; <paramref name="keep"/> are query parameters the switch keeps (the issue).</summary>
    private static string Header(SimSite site, SimUser user, IEnumerable<SimUser> people, IReadOnlyDictionary<string, string>? keep = null)
    {
        var options = string.Join("", people.Select(p =>
            $"<option value=\"{E(p.AccountId)}\"{(p.AccountId == user.AccountId ? " selected" : "")}>{E(p.DisplayName)}{(p.IsAdmin ? " (Jira admin)" : "")}</option>"));
        var hidden = string.Join("", (keep ?? new Dictionary<string, string>()).Select(kv => $"<input type=\"hidden\" name=\"{E(kv.Key)}\" value=\"{E(kv.Value)}\">"));
        return $$"""
            <header>
              <strong>Jira (simulated)</strong><span>{{E(site.BaseUrlText)}}</span>
              <form method="get">{{hidden}}<label>Signed in as <select id="sim-user" name="as" onchange="this.form.submit()">{{options}}</select></label></form>
            </header>
            """;
    }

    /// <summary>The host side of AP: answers the app iframe's postMessage calls, as Jira's host does.</summary>
    private static string HostScript(Uri frameUrl, string tokenUrl) => $$"""
        <script>
          const appOrigin = {{JsonSerializer.Serialize(frameUrl.GetLeftPart(UriPartial.Authority))}};
          const tokenUrl = {{JsonSerializer.Serialize(tokenUrl)}};
          const frame = document.getElementById("app-frame");
          window.addEventListener("message", async (event) => {
            const call = event.data;
            if (event.origin !== appOrigin || !call || call.type !== "ap-request") return;
            const answer = (result, error) => event.source.postMessage({ type: "ap-response", id: call.id, result, error }, event.origin);
            try {
              if (call.method === "context.getToken") {
                const response = await fetch(tokenUrl, { cache: "no-store" });
                if (!response.ok) return answer(null, "context token refused: " + response.status);
                answer((await response.json()).token);
              } else if (call.method === "resize" && call.args && call.args.height) {
                frame.style.height = String(call.args.height).endsWith("px") ? call.args.height : call.args.height + "px";
                answer(true);
              } else {
                answer(null);
              }
            } catch (e) { answer(null, String(e)); }
          });
        </script>
        """;
}
