using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// Installs, uninstalls, enables and disables Connect apps on a site the way Jira Cloud does ("Connect app
/// lifecycle"): fetch the descriptor, create the app's own user, make a fresh shared secret and hand it over in the
/// <c>installed</c> callback, signed RS256 with the simulator's install key (signed-install). The app counts as
/// installed only when that callback answers 200 or 204.
/// </summary>
public sealed class AppInstaller(SimulatorState state, HttpClient http, ConnectRuntime runtime)
{
    /// <summary>How long Jira waits for a lifecycle callback before it gives up on the install.</summary>
    public static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(10);
    private readonly List<LifecycleCall> calls = [];
    private readonly Lock sync = new();

    /// <summary>Every lifecycle callback made so far, oldest first.</summary>
    public IReadOnlyList<LifecycleCall> Calls { get { lock (sync) return [.. calls]; } }

    /// <summary>Installs the app, or reinstalls it with a new shared secret; throws <see cref="AppInstallException"/> if it refuses.</summary>
    public async Task<SimApp> InstallAsync(SimSite site, Uri descriptorUrl, CancellationToken cancel = default)
    {
        // Connect is a Cloud framework; a Data Center installs apps as P2 plugins, which the simulator does not play.
        if (site.IsDataCenter)
            throw new AppInstallException($"Site {site.Key} is a Jira Data Center: Connect apps cannot be installed there.");
        var descriptor = await FetchDescriptorAsync(descriptorUrl, cancel);
        if (!descriptor.Lifecycle.TryGetValue("installed", out var installed))
            throw new AppInstallException("The descriptor declares no lifecycle.installed callback, so the app could not learn its shared secret.");
        var identity = runtime.Identity(site);
        var user = EnsureAppUser(site, descriptor, identity);
        var secret = LifecycleBody.NewSharedSecret();

        var url = descriptor.Resolve(installed);
        var token = ConnectTokens.SignedInstall(runtime.InstallKey, identity.ClientKey, descriptor, url, state.Clock.GetUtcNow());
        var call = await PostAsync(site, descriptor.Key, "installed", url, Body(site, descriptor, identity, "installed", secret), token, cancel);
        if (!call.Succeeded)
            throw new AppInstallException(
                $"The app host returned {(call.Status is { } s ? "HTTP " + s : "no response")} to the installed callback at {url}: {call.Body}", call.Status, call.Body);

        var app = new SimApp
        {
            Key = descriptor.Key, BaseUrl = descriptor.BaseUrl, SharedSecret = secret, UserAccountId = user.AccountId, Descriptor = descriptor.Json,
        };
        lock (site.Sync)
            site.Apps[descriptor.Key] = app;
        // Jira enables an app right after installing it; the enabled callback is a notification, its answer changes nothing.
        await NotifyAsync(site, app, descriptor, "enabled", cancel);
        return app;
    }

    /// <summary>Sends <c>disabled</c> (when enabled) and the signed <c>uninstalled</c>, then removes the app whatever it answered, as Jira does.</summary>
    /// <returns>The uninstalled callback, or null when the descriptor declares none.</returns>
    public async Task<LifecycleCall?> UninstallAsync(SimSite site, string appKey, CancellationToken cancel = default)
    {
        var (app, descriptor) = Installed(site, appKey);
        if (app.Enabled)
            await NotifyAsync(site, app, descriptor, "disabled", cancel);
        LifecycleCall? call = null;
        if (descriptor.Lifecycle.TryGetValue("uninstalled", out var uninstalled))
        {
            var url = descriptor.Resolve(uninstalled);
            var identity = runtime.Identity(site);
            var token = ConnectTokens.SignedInstall(runtime.InstallKey, identity.ClientKey, descriptor, url, state.Clock.GetUtcNow());
            call = await PostAsync(site, appKey, "uninstalled", url, Body(site, descriptor, identity, "uninstalled", null), token, cancel);
        }
        lock (site.Sync)
            site.Apps.Remove(appKey);
        return call;
    }

    /// <summary>Disables (webhooks stop, its JWTs are refused) or enables the app, with the matching callback.</summary>
    public async Task<LifecycleCall?> SetEnabledAsync(SimSite site, string appKey, bool enabled, CancellationToken cancel = default)
    {
        var (app, descriptor) = Installed(site, appKey);
        if (app.Enabled == enabled)
            return null;
        // The app hears "disabled" while it can still act, and "enabled" once it can act again.
        var call = enabled ? null : await NotifyAsync(site, app, descriptor, "disabled", cancel);
        var changed = app with { Enabled = enabled };
        lock (site.Sync)
            site.Apps[appKey] = changed;
        return enabled ? await NotifyAsync(site, changed, descriptor, "enabled", cancel) : call;
    }

    private (SimApp App, AppDescriptor Descriptor) Installed(SimSite site, string appKey)
    {
        lock (site.Sync)
        {
            if (!site.Apps.TryGetValue(appKey, out var app))
                throw new ArgumentException($"No app '{appKey}' is installed on {site.Key}.", nameof(appKey));
            return (app, AppDescriptor.Of(app));
        }
    }

    /// <summary>enabled and disabled are signed with the shared secret, like webhooks.</summary>
    private async Task<LifecycleCall?> NotifyAsync(SimSite site, SimApp app, AppDescriptor descriptor, string eventType, CancellationToken cancel)
    {
        if (!descriptor.Lifecycle.TryGetValue(eventType, out var path))
            return null;
        var url = descriptor.Resolve(path);
        var identity = runtime.Identity(site);
        var token = ConnectTokens.SharedSecret(app.SharedSecret, identity.ClientKey, descriptor.BaseUrl, url, state.Clock.GetUtcNow());
        return await PostAsync(site, app.Key, eventType, url, Body(site, descriptor, identity, eventType, null), token, cancel);
    }

    private async Task<AppDescriptor> FetchDescriptorAsync(Uri url, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(CallbackTimeout);
        try
        {
            using var response = await http.GetAsync(url, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new AppInstallException($"Fetching the descriptor at {url} answered HTTP {(int)response.StatusCode}.", (int)response.StatusCode, text);
            return AppDescriptor.Parse(text);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            throw new AppInstallException($"The descriptor at {url} could not be fetched: {e.Message}", inner: e);
        }
    }

    private async Task<LifecycleCall> PostAsync(SimSite site, string appKey, string eventType, Uri url, JsonObject body, string token, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(CallbackTimeout);
        int? status = null;
        string answer;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            answer = e.Message;
        }
        var call = new LifecycleCall(site.Key, appKey, eventType, url, status, answer, state.Clock.GetUtcNow());
        lock (sync)
            calls.Add(call);
        return call;
    }

    /// <summary>The lifecycle payload; only <c>installed</c> carries the shared secret (the others need not hand it out again).</summary>
    private static JsonObject Body(SimSite site, AppDescriptor app, SiteIdentity identity, string eventType, string? sharedSecret)
    {
        var body = LifecycleBody.For(eventType, app.Key, identity.ClientKey, site.BaseUrlText, sharedSecret);
        body["cloudId"] = identity.CloudId;
        return body;
    }

    /// <summary>The app's user: one per app and site, kept across reinstalls, named after the app ("accountType": "app").</summary>
    private static SimUser EnsureAppUser(SimSite site, AppDescriptor app, SiteIdentity identity)
    {
        var accountId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ClientKey + "/" + app.Key)))[..24];
        lock (site.Sync)
            return site.FindUser(accountId) ?? site.AddUser(new SimUser { AccountId = accountId, DisplayName = app.Name, AccountType = "app" });
    }
}
