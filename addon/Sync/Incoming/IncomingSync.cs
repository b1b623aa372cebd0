using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Model;
using ConnectAddon.Sync.Twins;
using ConnectAddon.Transport.Exchange;

namespace ConnectAddon.Sync.Incoming;

/// <summary>
/// Applies one event of the peer to this side's Jira (DESIGN §3 step 4). Every write is made idempotent by what is
/// recorded around it: a twin is recorded before its create and recovered by its issue property after a crash; a copy
/// of a comment or attachment is recorded before it is made and recovered by its content; fields are compared with what
/// both sides last agreed on, so an event applied twice writes nothing the second time.
/// </summary>
public sealed class IncomingSync(
    TwinStore twins,
    IssueTypeMapper types,
    TwinCopies copies,
    Outbox outbox,
    ExchangeSignal exchange,
    ILogger<IncomingSync> logger)
{
    /// <summary>The issue property that ties an issue created by the sync to its twin, for recovery after a crash.</summary>
    public const string TwinProperty = "exalate.twin";

    /// <summary>How far before a twin's apply started recovery looks for the issue it may have created.</summary>
    private static readonly TimeSpan RecoveryWindow = TimeSpan.FromMinutes(10);

    public async Task<Result<bool>> ApplyAsync(Connection connection, LocalJiraSite site, SyncPayload payload, CancellationToken cancel)
    {
        switch (payload.Type)
        {
            case SyncPayload.TwinType:
                if (payload.TwinOf is { } own && await twins.FindByLocalAsync(connection.Id, own, cancel) is { } mine)
                    await twins.RecordRemoteAsync(mine, payload.Issue.Id, payload.Issue.Key, payload.Issue.Url, cancel);
                return true;
            case SyncPayload.UnsyncType:
                if (await FindTwinAsync(connection, payload, cancel) is { IsStopped: false } stopped)
                    await twins.StopAsync(connection.Id, stopped.TwinId, payload.Reason == "deleted"
                        ? "The issue was deleted on the other side." : "The other side stopped syncing this issue.", cancel);
                return true;
            default:
                return await ApplyReplicaAsync(connection, site, payload, cancel);
        }
    }

    private async Task<Twin?> FindTwinAsync(Connection connection, SyncPayload payload, CancellationToken cancel)
    {
        var twin = await twins.FindByRemoteAsync(connection.Id, payload.Issue.Id, cancel);
        if (twin is null && payload.TwinOf is { } own && await twins.FindByLocalAsync(connection.Id, own, cancel) is { } mine)
        {
            await twins.RecordRemoteAsync(mine, payload.Issue.Id, payload.Issue.Key, payload.Issue.Url, cancel);
            twin = await twins.FindByLocalAsync(connection.Id, own, cancel);
        }
        return twin;
    }

    private async Task<Result<bool>> ApplyReplicaAsync(Connection connection, LocalJiraSite site, SyncPayload payload, CancellationToken cancel)
    {
        var twin = await FindTwinAsync(connection, payload, cancel);
        if (twin is { IsStopped: true })
            return true;
        if (twin is null || twin.LocalIssueId is null)
        {
            var mayHaveCreated = twin is not null;
            twin = await twins.StartCreateAsync(connection.Id, payload.Issue.Id, payload.Issue.Key, payload.Issue.Url, cancel);
            var created = await CreateAsync(connection, site, twin, payload, mayHaveCreated, cancel);
            if (!created.IsSuccess)
                return created.Error!;
            twin = created.Value!;
        }
        else
        {
            await twins.BeginApplyAsync(twin, cancel);
            var edited = await EditAsync(connection, site, twin, payload, cancel);
            if (!edited.IsSuccess)
                return edited.Error!;
            if (!edited.Value)
                return true; // the local issue is gone: the twin stopped, the peer was told
        }

        var items = await copies.ApplyAsync(connection, site.Client, twin, payload, cancel);
        if (!items.IsSuccess)
            return items.Error!;
        await twins.EndApplyAsync(twin, cancel);
        return true;
    }

    private async Task<Result<Twin>> CreateAsync(Connection connection, LocalJiraSite site, Twin twin, SyncPayload payload, bool mayHaveCreated, CancellationToken cancel)
    {
        var fields = payload.Fields!;
        var recovered = mayHaveCreated ? await FindCreatedAsync(connection, site.Client, twin, cancel) : null;
        string localId, localKey, typeName;
        if (recovered is not null)
        {
            (localId, localKey, typeName) = recovered.Value;
            logger.LogInformation("Connection {Connection}: found {Issue}, created before a restart, as the twin of {Remote}", connection.Id, localKey, payload.Issue.Key);
        }
        else
        {
            var type = await types.MapAsync(site.Client, site.BrowseBase.ToString(), connection.LocalProject.Id, fields.IssueType, cancel);
            if (!type.IsSuccess)
                return Failed("Choosing the issue type failed", type.Error!);
            var input = JiraIssueInput.ForCreate(connection.LocalProject.Id, type.Value!.Id, fields.Summary, fields.Description) with
            {
                Properties = [new JiraEntityProperty { Key = TwinProperty, Value = new JsonObject { ["connection"] = connection.Id, ["twin"] = twin.TwinId, ["remote"] = payload.Issue.Id } }],
            };
            var created = await site.Client.CreateIssueAsync(input, cancel);
            if (!created.IsSuccess)
                return Failed("Creating the issue failed", created.Error!);
            (localId, localKey, typeName) = (created.Value!.Id, created.Value.Key, type.Value.Name ?? fields.IssueType.Name);
        }
        await twins.RecordCreatedAsync(twin, localId, localKey, cancel);

        var hashes = SyncedField.Hashes(fields);
        var agreed = AgreedState.Parse(null);
        agreed.Set(SyncedField.Summary, hashes[SyncedField.Summary], hashes[SyncedField.Summary]);
        agreed.Set(SyncedField.Description, StoredHash(site.Client, fields.Description), hashes[SyncedField.Description]);
        agreed.Set(SyncedField.IssueType, ContentHash.OfText(typeName), hashes[SyncedField.IssueType]);
        await twins.RecordAgreedAsync(twin, agreed.ToJson(), cancel);

        // Tell the peer which issue is its twin (key and link for its sync status).
        await outbox.EnqueueAsync(connection.Id, SyncJson.Write(new SyncPayload
        {
            Type = SyncPayload.TwinType,
            Issue = new ReplicaIssue(localId, localKey, site.BrowseUrl(localKey)),
            TwinOf = payload.Issue.Id,
        }), cancel);
        exchange.Notify(connection.Id);
        return (await twins.FindByLocalAsync(connection.Id, localId, cancel))!;
    }

    /// <summary>After a crash between Jira's create and recording it: the issue of this project carrying the twin's property.</summary>
    private static async Task<(string Id, string Key, string Type)?> FindCreatedAsync(Connection connection, JiraClient client, Twin twin, CancellationToken cancel)
    {
        var since = DateTimeOffset.FromUnixTimeMilliseconds(twin.ApplyingSinceMs ?? twin.CreatedAtMs) - RecoveryWindow;
        string? token = null;
        do
        {
            var page = await client.SearchAsync(new JiraSearchRequest
            {
                Jql = $"project = {connection.LocalProject.Id} ORDER BY created DESC",
                Fields = ["created", "issuetype"],
                Properties = [TwinProperty],
                MaxResults = 100,
                NextPageToken = token,
            }, cancel);
            if (!page.IsSuccess)
                return null;
            foreach (var issue in page.Value!.Issues)
            {
                if ((string?)issue.Properties?[TwinProperty]?["twin"] == twin.TwinId)
                    return (issue.Id, issue.Key ?? issue.Id, issue.IssueType?.Name ?? "");
                if (JiraTimestampConverter.FromNode(issue.Fields["created"]) is { } created && created < since)
                    return null;
            }
            token = page.Value.IsLast ? null : page.Value.NextPageToken;
        } while (token is not null);
        return null;
    }

    /// <summary>
    /// Writes the changed fields in one edit. A field both sides changed since they last agreed is a conflict: the
    /// public side's value wins on both sides (Sync/README.md "Concurrent edits"). False when the local issue is gone.
    /// </summary>
    private async Task<Result<bool>> EditAsync(Connection connection, LocalJiraSite site, Twin twin, SyncPayload payload, CancellationToken cancel)
    {
        var fields = payload.Fields!;
        var hashes = SyncedField.Hashes(fields);
        var agreed = AgreedState.Parse(twin.Agreed);
        var edits = new JsonObject();
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        var incoming = (payload.Changed ?? SyncedField.All).Intersect(SyncedField.All)
            .Where(f => agreed[f] is not { } known || known.Remote != hashes[f]) // a repeat brings nothing new
            .ToList();
        // The public side wins conflicts, so it must see its own changes that its capture has not sent yet (a webhook
        // still on its way): one read of the issue. The private side takes the public side's value either way, but
        // reads its description to merge the partner's into it (BlockMerge).
        Dictionary<string, string>? current = null;
        JsonNode? localDescription = null;
        if (incoming.Count > 0 && (connection.Side == ConnectionSide.Public || incoming.Contains(SyncedField.Description)))
        {
            var read = await site.Client.GetIssueAsync(twin.LocalIssueId!, new JiraIssueQuery { Fields = ["summary", "description", "issuetype"] }, cancel);
            if (!read.IsSuccess && read.Error!.Kind == JiraErrorKind.NotFound)
            {
                await LocalIssueGoneAsync(connection, twin, cancel);
                return false;
            }
            if (!read.IsSuccess)
                return Failed("Reading the issue failed", read.Error!);
            if (connection.Side == ConnectionSide.Public)
                current = SyncedField.Hashes(Outgoing.ReplicaBuilder.Fields(read.Value!));
            localDescription = read.Value!.Description;
        }
        foreach (var field in incoming)
        {
            var known = agreed[field];
            var changedHere = known is not null
                && ((payload.Base is not null && payload.Base.TryGetValue(field, out var baseHash) && baseHash != known.Local)
                    || (current is not null && current[field] != known.Local));
            if (changedHere && connection.Side == ConnectionSide.Public)
            {
                // A concurrent edit: ours wins; the peer takes ours when it receives it. Said, because a partner's
                // change that does not arrive is what an operator will ask about.
                logger.LogInformation("Connection {Connection}: {Field} of {Issue} changed on both sides; this side's value is kept and sent to the peer",
                    connection.Id, field, twin.LocalIssueKey ?? twin.LocalIssueId);
                continue;
            }
            switch (field)
            {
                case SyncedField.Summary:
                    edits["summary"] = fields.Summary;
                    applied[field] = hashes[field];
                    break;
                case SyncedField.Description:
                    // The blocks the partner left as this side sent them keep this side's rich content (mentions, media).
                    var merged = BlockMerge.Merge(localDescription, fields.Description);
                    edits["description"] = merged;
                    applied[field] = StoredHash(site.Client, merged);
                    break;
                case SyncedField.IssueType:
                    var type = await types.MapAsync(site.Client, site.BrowseBase.ToString(), connection.LocalProject.Id, fields.IssueType, cancel);
                    if (!type.IsSuccess)
                        return Failed("Choosing the issue type failed", type.Error!);
                    edits["issuetype"] = new JsonObject { ["id"] = type.Value!.Id };
                    applied[field] = ContentHash.OfText(type.Value.Name ?? fields.IssueType.Name);
                    break;
            }
        }
        if (edits.Count > 0)
        {
            var edited = await site.Client.EditIssueAsync(twin.LocalIssueId!, new JiraIssueInput { Fields = edits }, cancellationToken: cancel);
            if (!edited.IsSuccess && edited.Error!.Kind == JiraErrorKind.NotFound)
            {
                await LocalIssueGoneAsync(connection, twin, cancel);
                return false;
            }
            if (!edited.IsSuccess)
                return Failed("Updating the issue failed", edited.Error!);
            foreach (var (field, localHash) in applied)
                agreed.Set(field, localHash, hashes[field]);
            await twins.RecordAgreedAsync(twin, agreed.ToJson(), cancel);
        }
        return true;
    }

    /// <summary>
    /// The hash the outgoing side will compute for the description once written (<see cref="SyncedField.Hashes"/> of
    /// the replica: the flattened form), as this side will read it back: on Jira Data Center the wiki markup it is
    /// stored as reads back as slightly different ADF. Either difference must not look like a local edit (an echo).
    /// </summary>
    private static string StoredHash(JiraClient client, JsonNode? description) => ContentHash.Of(PeerAdf.Prepare(client.AsStored(description)));

    private async Task LocalIssueGoneAsync(Connection connection, Twin twin, CancellationToken cancel)
    {
        await outbox.EnqueueAsync(connection.Id, SyncJson.Write(new SyncPayload
        {
            Type = SyncPayload.UnsyncType,
            Issue = new ReplicaIssue(twin.LocalIssueId!, twin.LocalIssueKey, null),
            TwinOf = twin.RemoteIssueId,
            Reason = "deleted",
        }), cancel);
        exchange.Notify(connection.Id);
        await twins.StopAsync(connection.Id, twin.TwinId, "The issue was deleted (or is no longer visible to the sync).", cancel);
        await twins.EndApplyAsync(twin, cancel);
    }

    internal static ApiError Failed(string what, JiraError error) =>
        error.IsTransient ? ApiError.Unavailable($"{what}: {error}") : new ApiError(StatusCodes.Status502BadGateway, "jira_refused", $"{what}: {error}");
}
