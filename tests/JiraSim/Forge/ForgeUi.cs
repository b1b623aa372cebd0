using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Forge;

/// <summary>
/// Forge's host for a UI module's Custom UI: the resource's files, served from its folder with Forge's strict content
/// policy ("Add content security and egress controls": no inline scripts or styles unless the manifest allows them),
/// and the bridge @forge/bridge talks to (<c>globalThis.__bridge.callBridge</c>): <c>getContext</c> answers the module's
/// context, <c>invoke</c> (invokeRemote) makes the call to the remote with an invocation token for the signed-in user.
/// Each opened module is a context, named by an id in its frame's URL.
/// </summary>
public sealed class ForgeUi(ForgeRuntime forge)
{
    private readonly ConcurrentDictionary<string, ForgeUiContext> contexts = new(StringComparer.Ordinal);

    /// <summary>Opens a module for <paramref name="user"/>; its frame is at <c>/_forge/ui/{id}/</c>.</summary>
    public ForgeUiContext Open(ForgeInstall install, ForgeUiModule module, SimUser user, JsonObject extension)
    {
        var context = new ForgeUiContext(Guid.NewGuid().ToString("N"), install, module, user, extension);
        contexts[context.Id] = context;
        return context;
    }

    public ForgeUiContext? Find(string? id) => id is not null && contexts.TryGetValue(id, out var context) ? context : null;

    /// <summary>What <c>view.getContext()</c> answers (the FullContext of @forge/bridge).</summary>
    public static JsonObject Context(ForgeUiContext ui) => new()
    {
        ["accountId"] = ui.User.AccountId,
        ["cloudId"] = ui.Install.CloudId,
        ["siteUrl"] = ui.Install.Site.BaseUrlText,
        ["moduleKey"] = ui.Module.Key,
        ["localId"] = ui.Id,
        ["locale"] = "en-US",
        ["timezone"] = "Etc/UTC",
        ["environmentType"] = "DEVELOPMENT",
        ["extension"] = ui.Extension.DeepClone(),
    };

    /// <summary>
    /// invokeRemote({path, method, headers, body}) of the page: to the remote's base URL and path, through the module's
    /// endpoint, with 25 s and no retry. Answers as the bridge does: <c>{success, payload: {status, headers, body}}</c>.
    /// </summary>
    public async Task<JsonObject> InvokeAsync(ForgeUiContext ui, JsonElement input, CancellationToken cancel)
    {
        var path = input.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "/";
        if (!path.StartsWith('/'))
            path = "/" + path;
        var method = new HttpMethod(input.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "GET");
        var body = input.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object ? JsonNode.Parse(b.GetRawText())!.AsObject() : new JsonObject();
        var url = new Uri(ui.Install.Manifest.RemoteBaseUrl.ToString().TrimEnd('/') + path);
        int status = 0;
        string text = "";
        Dictionary<string, string[]> headers = [];
        var delivery = await forge.CallAsync(ui.Install, "invokeRemote " + method + " " + path, url, ui.Module.Type, ui.Module.Key, body, retry: false, cancel,
            method, ui.User, ui.Extension, (response, answer) =>
            {
                status = (int)response.StatusCode;
                text = answer;
                headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToArray());
            });
        if (delivery.Status is null)
            return new JsonObject { ["success"] = false, ["error"] = new JsonObject { ["status"] = 0, ["headers"] = new JsonObject(), ["body"] = delivery.Error } };
        JsonNode? parsed = null;
        if (text.Length > 0 && IsJson(headers))
            try { parsed = JsonNode.Parse(text); } catch (JsonException) { parsed = text; }
        else if (text.Length > 0)
            parsed = text;
        var payload = new JsonObject
        {
            ["status"] = status,
            ["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray(h.Value.Select(v => (JsonNode)v).ToArray())))),
            ["body"] = parsed,
        };
        return new JsonObject { ["success"] = true, ["payload"] = payload };
    }

    private static bool IsJson(Dictionary<string, string[]> headers) =>
        headers.TryGetValue("content-type", out var type) && MediaTypeHeaderValue.TryParse(type.FirstOrDefault(), out var media)
        && media.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The page script @forge/bridge finds as <c>globalThis.__bridge</c>; loaded before the resource's own scripts.</summary>
    public const string BridgeScript = """
        (() => {
          const ctx = new URL(document.currentScript.src).searchParams.get('ctx');
          const call = async (path, init) => (await fetch(`/_forge/${path}?ctx=${encodeURIComponent(ctx)}`, { cache: 'no-store', ...init })).json();
          globalThis.__bridge = {
            callBridge: async (name, payload) => {
              if (name === 'getContext') return call('context');
              if (name === 'invoke') return call('invoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload ?? {}) });
              return undefined; // resize, theme, history: nothing to do in the simulator's frame
            },
          };
        })();
        """;
}
