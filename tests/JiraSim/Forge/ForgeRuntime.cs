using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim.Connect;
using JiraSim.Model;

namespace JiraSim.Forge;

/// <summary>
/// The Forge platform's side of a Forge app whose back end is a remote ("Forge Remote essentials"), for one
/// simulator: installs from a manifest, invocation tokens signed with the simulator's key (published as a JWKS at
/// <c>{RootUrl}_forge/jwks.json</c>), the app token each call carries, triggers for site changes and the lifecycle,
/// the scheduled trigger on demand, and the pages' <c>invokeRemote</c> (<see cref="ForgeUi"/>). Every call is in
/// <see cref="Log"/>; <see cref="WhenIdleAsync"/> waits until none is in flight or waiting for a retry.
/// </summary>
public sealed class ForgeRuntime : IAsyncDisposable
{
    private static readonly Lazy<ForgeSigningKey> SharedKey = new(() => new ForgeSigningKey("forge/invocation-token/jirasim-" + Guid.NewGuid().ToString("N")[..12]));
    private readonly SimulatorState state;
    private HttpClient http;
    private readonly ConcurrentDictionary<string, ForgeInstall> installs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> attached = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ForgeDelivery> log = new();
    private readonly IdleTracker idle = new();
    private readonly CancellationTokenSource stopping = new();

    public ForgeRuntime(SimulatorState state)
    {
        this.state = state;
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("JiraSim-Forge/1.0");
        Ui = new ForgeUi(this);
        state.SiteAdded += Attach;
        foreach (var site in state.Sites)
            Attach(site);
    }

    public ForgeSigningKey SigningKey => SharedKey.Value;
    public string Jwks => ForgeSigningKey.Jwks(SigningKey);
    public ForgeCallPolicy Policy { get; set; } = new();
    public ForgeUi Ui { get; }
    public IReadOnlyList<ForgeDelivery> Log => [.. log];

    /// <summary>For a remote hosted in the test's own process (an ASP.NET Core test server): Forge's calls go through <paramref name="handler"/>.</summary>
    public void SendThrough(HttpMessageHandler handler) => http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public IEnumerable<ForgeInstall> InstallsOn(SimSite site) => installs.Values.Where(i => i.Site == site);

    public ForgeInstall? FindByCloudId(string cloudId) => installs.Values.FirstOrDefault(i => i.CloudId == cloudId);

    /// <summary>Installs (or reinstalls, as a new installation) the app on the site; then Forge sends <c>avi:forge:installed:app</c>.</summary>
    public async Task<ForgeInstall> InstallAsync(SimSite site, ForgeManifest manifest, CancellationToken cancel = default)
    {
        if (site.IsDataCenter)
            throw new InvalidOperationException($"Site {site.Key} is a Jira Data Center: Forge apps run on Jira Cloud only.");
        var identity = state.Connect.Identity(site);
        var api = new Uri(site.BaseUrl.GetLeftPart(UriPartial.Authority) + "/ex/jira/" + identity.CloudId);
        var install = new ForgeInstall(site, manifest, "ari:cloud:ecosystem::installation/" + Guid.NewGuid(), AppUser(site, manifest, identity.CloudId), identity.CloudId, api);
        installs[Key(site, manifest.AppId)] = install;
        await LifecycleAsync(install, "avi:forge:installed:app", cancel);
        return install;
    }

    /// <summary>A major version upgrade: <c>avi:forge:upgraded:app</c>, the installation stays.</summary>
    public Task UpgradeAsync(ForgeInstall install, CancellationToken cancel = default) => LifecycleAsync(install, "avi:forge:upgraded:app", cancel);

    /// <summary>Runs the preUninstall module (when the manifest has one), then removes the installation and its tokens.</summary>
    public async Task UninstallAsync(ForgeInstall install, CancellationToken cancel = default)
    {
        if (install.Manifest.PreUninstall is { } module)
            await CallAsync(install, "preUninstall", install.Manifest.EndpointUrl(module.Endpoint), "core:preUninstall", module.Key,
                new JsonObject { ["context"] = new JsonObject { ["cloudId"] = install.CloudId, ["moduleKey"] = module.Key } }, retry: false, cancel);
        installs.TryRemove(Key(install.Site, install.Manifest.AppId), out _);
        install.RevokeTokens();
    }

    /// <summary>One run of the scheduled trigger, as Forge makes it every interval.</summary>
    public async Task<ForgeDelivery?> RunScheduledAsync(ForgeInstall install, CancellationToken cancel = default)
    {
        if (install.Manifest.Scheduled is not { } module)
            return null;
        return await CallAsync(install, "scheduledTrigger", install.Manifest.EndpointUrl(module.Endpoint), "core:scheduledTrigger", module.Key,
            new JsonObject { ["context"] = new JsonObject { ["cloudId"] = install.CloudId, ["moduleKey"] = module.Key } }, retry: true, cancel);
    }

    /// <summary>An invocation token for a call from <paramref name="moduleKey"/>; a page's call names the user and the site.</summary>
    public string Token(ForgeInstall install, string moduleType, string moduleKey, SimUser? principal = null, JsonObject? extension = null) =>
        SigningKey.Sign(ForgeSigningKey.Claims(install.Manifest.AppId, install.InstallationId, install.ApiBaseUrl, install.CloudId, moduleType, moduleKey,
            state.Clock.GetUtcNow(), principal?.AccountId, principal is null ? null : install.Site.BaseUrl, extension));

    /// <summary>
    /// A call to the remote with an invocation token and the app token; events and schedules are retried (the body then
    /// carries <c>retryContext</c>) on anything but 2xx, pages' calls are not. The last attempt's outcome.
    /// </summary>
    public async Task<ForgeDelivery> CallAsync(ForgeInstall install, string kind, Uri url, string moduleType, string moduleKey, JsonObject body, bool retry,
        CancellationToken cancel, HttpMethod? method = null, SimUser? principal = null, JsonObject? extension = null, Action<HttpResponseMessage, string>? answered = null)
    {
        idle.Enter();
        try
        {
            var policy = Policy;
            for (var attempt = 1; ; attempt++)
            {
                var sent = (JsonObject)body.DeepClone();
                if (attempt > 1)
                    sent["retryContext"] = new JsonObject { ["retryCount"] = attempt - 1, ["retryReason"] = "INVALID_REMOTE_INVOCATION_ERROR", ["retryData"] = null };
                var delivery = await SendAsync(install, kind, url, method ?? HttpMethod.Post, moduleType, moduleKey, sent, attempt,
                    retry ? policy.EventTimeout : policy.UiTimeout, principal, extension, answered, cancel);
                log.Enqueue(delivery);
                if (delivery.Succeeded || !retry || attempt > policy.EventRetries)
                    return delivery;
                await Task.Delay(policy.RetryDelay, cancel);
            }
        }
        finally
        {
            idle.Exit();
        }
    }

    public Task WhenIdleAsync(TimeSpan timeout) => idle.WhenIdleAsync(timeout, () => $"{idle.Busy} Forge call(s) busy");

    private async Task<ForgeDelivery> SendAsync(ForgeInstall install, string kind, Uri url, HttpMethod method, string moduleType, string moduleKey, JsonObject body,
        int attempt, TimeSpan timeout, SimUser? principal, JsonObject? extension, Action<HttpResponseMessage, string>? answered, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(install, moduleType, moduleKey, principal, extension));
        request.Headers.Add("x-forge-oauth-system", install.AppToken);
        request.Headers.Add("x-b3-traceid", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        request.Headers.Add("x-b3-spanid", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping.Token);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            answered?.Invoke(response, text);
            return new ForgeDelivery(install.Site.Key, kind, url, attempt, (int)response.StatusCode, null, body.ToJsonString(), state.Clock.GetUtcNow());
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return new ForgeDelivery(install.Site.Key, kind, url, attempt, null, e is OperationCanceledException ? $"no answer within {timeout}" : e.Message,
                body.ToJsonString(), state.Clock.GetUtcNow());
        }
    }

    private async Task LifecycleAsync(ForgeInstall install, string eventType, CancellationToken cancel)
    {
        if (install.Manifest.Triggers.FirstOrDefault(t => t.Events.Contains(eventType)) is not { } trigger)
            return;
        var body = new JsonObject
        {
            ["eventType"] = eventType,
            ["id"] = install.InstallationId,
            ["context"] = "ari:cloud:jira::site/" + install.CloudId,
            ["app"] = new JsonObject { ["id"] = install.Manifest.AppId, ["version"] = "1.0.0" },
        };
        await CallAsync(install, eventType, install.Manifest.EndpointUrl(trigger.Endpoint), "core:trigger", trigger.Key, body, retry: true, cancel);
    }

    private void Attach(SimSite site)
    {
        if (attached.TryAdd(site.Key, true))
            site.Changed += change => OnChanged(site, change);
    }

    // The event body is made at the change, under the site's lock; it is sent in the background, as Forge does.
    private void OnChanged(SimSite site, SiteChange change)
    {
        if (ForgeEventBody.EventOf(change) is not { } eventType)
            return;
        foreach (var install in InstallsOn(site))
            foreach (var trigger in install.Manifest.Triggers.Where(t => t.Events.Contains(eventType)))
            {
                // filter.ignoreSelf: the events the app's own writes cause are not sent to it.
                if (trigger.IgnoreSelf && change.Actor.AccountId == install.AppUser.AccountId)
                    continue;
                var body = ForgeEventBody.Build(site, change, eventType);
                var url = install.Manifest.EndpointUrl(trigger.Endpoint);
                // Counted as busy from the change on, so that WhenIdleAsync right after a write waits for its event.
                idle.Enter();
                _ = Task.Run(async () =>
                {
                    try { await CallAsync(install, eventType, url, "core:trigger", trigger.Key, body, retry: true, stopping.Token); }
                    catch (OperationCanceledException) { }
                    finally { idle.Exit(); }
                });
            }
    }

    /// <summary>The app's own user on the site, named after its admin page (accountType "app"); the same account on a reinstall.</summary>
    private static SimUser AppUser(SimSite site, ForgeManifest manifest, string cloudId)
    {
        var accountId = "forge-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cloudId + "/" + manifest.AppId)))[..18];
        var name = manifest.UiModules.Values.FirstOrDefault(m => m.Type == "jira:adminPage")?.Title ?? "Forge app";
        lock (site.Sync)
            return site.FindUser(accountId) ?? site.AddUser(new SimUser { AccountId = accountId, DisplayName = name, AccountType = "app" });
    }

    private static string Key(SimSite site, string appId) => site.Key + "\n" + appId;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        http.Dispose();
        stopping.Dispose();
    }
}
