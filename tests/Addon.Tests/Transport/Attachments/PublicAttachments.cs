using System.Net.Http.Headers;
using System.Security.Cryptography;
using ConnectAddon.Connections;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Attachments;
using ConnectAddon.Transport.Exchange;
using Dapper;
using JiraSim.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>
/// A public node (<see cref="PublicNodeHarness"/>, tenant A on the simulated site-a) with connections accepted through
/// the real transport route, and a test that plays the private node by hand on the attachment routes: it knows each
/// connection's key and mints tokens for GET and PUT of a ref.
/// </summary>
public sealed class PublicAttachments : IAsyncDisposable
{
    private readonly HttpClient client;

    private PublicAttachments(PublicNodeHarness node)
    {
        Node = node;
        client = node.App.CreateClient();
    }

    public PublicNodeHarness Node { get; }
    public AttachmentShelf Shelf => Node.App.Services.GetRequiredService<AttachmentShelf>();
    public string AttachmentsFolder => Path.Combine(Node.Host.DataDirectory, "attachments");

    /// <param name="settings">Settings over the harness's, e.g. <c>Transport:MaxAttachmentBytes</c>.</param>
    /// <param name="services">Services the test replaces, e.g. what answers the app's requests to Jira.</param>
    public static async Task<PublicAttachments> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(await PublicNodeHarness.StartAsync(settings, s =>
        {
            s.AddSingleton(TimeProvider.System);
            services?.Invoke(s);
        }));

    /// <summary>Initiates and accepts a connection; its id and key.</summary>
    public async Task<(string Id, string Key)> ConnectAsync()
    {
        var (id, code, _) = await Node.InitiateAsync();
        var nonce = CodeContent.NewNonce();
        await Node.AcceptAsync(code, nonce);
        return (id, ConnectionKey.Derive(CodeContent.Secret(code), nonce));
    }

    public static string PathOf(string id, string reference) => $"/transport/v1/connections/{id}/attachments/{reference}";

    public static string Token(string id, string key, string method, string path, DateTimeOffset? now = null) =>
        ConnectionToken.Mint(id, key, method, new Uri(AddonHost.BaseUrl + path), new Uri(AddonHost.BaseUrl), now ?? DateTimeOffset.UtcNow);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>An issue with one attachment on tenant A's simulated Jira (site-a, project ACME); the attachment.</summary>
    public SimAttachment AddJiraAttachment(byte[] content, string fileName = "report.pdf", string mimeType = "application/pdf")
    {
        var site = Node.TenantA.Sim;
        var admin = site.FindUser(Node.TenantA.AdminAccountId)!;
        var project = site.FindProject(Node.TenantA.ProjectKey)!;
        var issue = site.CreateIssue(admin, project, project.IssueTypes.First(), "With an attachment", null);
        return site.AddAttachment(admin, issue, fileName, mimeType, content)!;
    }

    /// <summary>Offers a Jira attachment of tenant A to a connection, with its true hash and size unless told otherwise.</summary>
    public async Task<AttachmentOffer> OfferAsync(string connectionId, string reference, SimAttachment attachment, string? sha256 = null, long? size = null)
    {
        var offer = new AttachmentOffer(reference, attachment.Id, sha256 ?? Sha256(attachment.Content), size ?? attachment.Content.LongLength,
            attachment.FileName, attachment.MimeType);
        await Shelf.OfferAsync(connectionId, offer, CancellationToken.None);
        return offer;
    }

    /// <summary>
    /// Offers a Jira attachment of tenant A as the sync does after hashing it: with the copy it read, moved onto the
    /// shelf. The kept copy's path.
    /// </summary>
    public async Task<string> OfferWithCopyAsync(string connectionId, string reference, SimAttachment attachment)
    {
        var spool = Path.Combine(Node.Host.DataDirectory, "spool-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(spool, attachment.Content);
        var offer = new AttachmentOffer(reference, attachment.Id, Sha256(attachment.Content), attachment.Content.LongLength, attachment.FileName, attachment.MimeType);
        await Shelf.OfferAsync(connectionId, offer, CancellationToken.None, copy: spool);
        Assert.That(File.Exists(spool), Is.False, "the spool was moved, not copied");
        return Path.Combine(AttachmentsFolder, connectionId, "offered-" + offer.Sha256);
    }

    public long JiraContentReads => Node.TenantA.Sim.Requests["GET /rest/api/3/attachment/content/{id}"];

    /// <summary>GET of a ref, signed with the connection's key unless a token (or none: "") is given.</summary>
    public Task<HttpResponseMessage> GetAsync(string id, string key, string reference, string? token = null)
    {
        var path = PathOf(id, reference);
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        token ??= Token(id, key, "GET", path);
        if (token.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>PUT of bytes as a private node sends them (hash and name in headers), each part replaceable to send it wrong.</summary>
    public Task<HttpResponseMessage> PutAsync(string id, string key, string reference, byte[] bytes, string? sha256 = null, string? fileName = "notes.txt",
        string? mediaType = "text/plain", string? token = null, Action<HttpRequestMessage>? configure = null) =>
        PutAsync(id, key, reference, new ByteArrayContent(bytes), sha256 ?? Sha256(bytes), fileName, mediaType, token, configure);

    public Task<HttpResponseMessage> PutAsync(string id, string key, string reference, HttpContent content, string? sha256, string? fileName,
        string? mediaType, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        var path = PathOf(id, reference);
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = content };
        if (mediaType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (sha256 is not null)
            request.Headers.Add(AttachmentHeaders.Sha256, sha256);
        if (fileName is not null)
            request.Headers.Add(AttachmentHeaders.FileName, Uri.EscapeDataString(fileName));
        token ??= Token(id, key, "PUT", path);
        if (token.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        configure?.Invoke(request);
        return client.SendAsync(request);
    }

    /// <summary>What the attachment routes may change, as text: the connection rows, both attachment tables and every file in the attachments folder.</summary>
    public async Task<string> StoredAsync()
    {
        var parts = new List<string> { await Node.StoredAsync(), await Node.Host.Database.RowsAsync("offered_attachments", "received_attachments") };
        parts.Add("files:" + string.Join(";", Files()));
        return string.Join("\n", parts);
    }

    /// <summary>Every file under the attachments folder (partial ones included), relative to it.</summary>
    public List<string> Files() => Directory.Exists(AttachmentsFolder)
        ? Directory.EnumerateFiles(AttachmentsFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(AttachmentsFolder, f)).Order().ToList()
        : [];

    public Task<long> ReceivedRowsAsync() => Node.ScalarAsync<long>("SELECT COUNT(*) FROM received_attachments");

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await Node.DisposeAsync();
    }
}
