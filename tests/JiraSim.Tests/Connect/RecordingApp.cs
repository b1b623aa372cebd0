using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JiraSim.Tests.Connect;

/// <summary>
/// A Connect app as small as can be, on Kestrel at 127.0.0.1 under a path (<c>/app</c>, so its base URL has a path
/// like an app behind a reverse proxy). It serves its descriptor, records every other request and answers 204,
/// or the statuses a test lines up with <see cref="AnswerNext"/>.
/// </summary>
public sealed class RecordingApp : IAsyncDisposable
{
    public const string Key = "io.example.recording-app";
    public const string Name = "Recording App";
    public const string PathPrefix = "/app";

    /// <summary>The events it subscribes to, each at /webhooks/{issue-created…}.</summary>
    public static readonly string[] Events =
        ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted", "attachment_created", "attachment_deleted"];

    private readonly WebApplication host;
    private readonly List<RecordedRequest> requests = [];
    private readonly Dictionary<string, Queue<int>> answers = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private readonly HashSet<string> stalled = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource unstalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RecordingApp(WebApplication host) => this.host = host;

    public Uri BaseUrl { get; private set; } = null!;
    public Uri DescriptorUrl => new(BaseUrl + "/atlassian-connect.json");
    public JsonObject Descriptor { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests { get { lock (sync) return [.. requests]; } }

    /// <param name="extraWebhooks">More subscriptions, e.g. a URL with context parameters.</param>
    public static async Task<RecordingApp> StartAsync(IEnumerable<(string Event, string Url)>? extraWebhooks = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var recording = new RecordingApp(builder.Build());
        ((IApplicationBuilder)recording.host).Run(recording.HandleAsync);
        await recording.host.StartAsync();
        var address = recording.host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        recording.BaseUrl = new Uri(address.TrimEnd('/') + PathPrefix);
        recording.Descriptor = DescriptorFor(recording.BaseUrl, extraWebhooks ?? []);
        return recording;
    }

    public static string WebhookPath(string webhookEvent) => "/webhooks/" + webhookEvent.Replace("jira:", "").Replace('_', '-');

    /// <summary>The next requests to <paramref name="path"/> (relative to the base URL) get these statuses, then 204 again.</summary>
    public void AnswerNext(string path, params int[] statuses)
    {
        lock (sync)
        {
            if (!answers.TryGetValue(path, out var queue))
                answers[path] = queue = new Queue<int>();
            foreach (var status in statuses)
                queue.Enqueue(status);
        }
    }

    /// <summary>Requests to <paramref name="path"/> get no answer until <see cref="Unstall"/> or until the caller gives up.</summary>
    public void Stall(string path)
    {
        lock (sync)
            stalled.Add(path);
    }

    public void Unstall() => unstalled.TrySetResult();

    public IReadOnlyList<RecordedRequest> Received(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>Webhooks received (each attempt), of one event or all, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Webhooks(string? webhookEvent = null) =>
        [.. Requests.Where(r => r.Path.StartsWith("/webhooks/", StringComparison.Ordinal) && (webhookEvent is null || r.Path == WebhookPath(webhookEvent)))];

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        path = path.StartsWith(PathPrefix, StringComparison.Ordinal) ? path[PathPrefix.Length..] : path;
        if (HttpMethods.IsGet(http.Request.Method) && path == "/atlassian-connect.json")
        {
            await Results.Json(Descriptor).ExecuteAsync(http);
            return;
        }
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        int status;
        bool stall;
        lock (sync)
        {
            stall = stalled.Contains(path);
            status = answers.TryGetValue(path, out var queue) && queue.Count > 0 ? queue.Dequeue() : 204;
            requests.Add(new RecordedRequest(http.Request.Method, path, http.Features.Get<IHttpRequestFeature>()!.RawTarget, body,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), status));
        }
        if (stall)
        {
            try { await unstalled.Task.WaitAsync(http.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        http.Response.StatusCode = status;
        if (status != 204)
            await http.Response.WriteAsJsonAsync(new { error = $"answered {status} on purpose" });
    }

    private static JsonObject DescriptorFor(Uri baseUrl, IEnumerable<(string Event, string Url)> extraWebhooks) => new()
    {
        ["key"] = Key,
        ["name"] = Name,
        ["description"] = "Records what Jira sends it.",
        ["baseUrl"] = baseUrl.ToString(),
        ["authentication"] = new JsonObject { ["type"] = "jwt" },
        ["apiMigrations"] = new JsonObject { ["signed-install"] = true, ["context-qsh"] = true },
        ["lifecycle"] = new JsonObject
        {
            ["installed"] = "/lifecycle/installed", ["uninstalled"] = "/lifecycle/uninstalled",
            ["enabled"] = "/lifecycle/enabled", ["disabled"] = "/lifecycle/disabled",
        },
        ["scopes"] = new JsonArray("READ", "WRITE"),
        ["modules"] = new JsonObject
        {
            ["webhooks"] = new JsonArray([
                .. Events.Select(e => (JsonNode)new JsonObject { ["event"] = e, ["url"] = WebhookPath(e) }),
                .. extraWebhooks.Select(w => (JsonNode)new JsonObject { ["event"] = w.Event, ["url"] = w.Url })]),
        },
    };

    /// <summary>Stops listening: Jira then meets a refused connection.</summary>
    public Task StopAsync() => host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
