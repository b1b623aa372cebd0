using ConnectAddon.Connections;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.PrivateConsole;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Capture;

/// <summary>
/// Finds what changed in a private-side connection's local project by polling the node's Jira with JQL (DESIGN §3),
/// and marks each changed issue dirty once per change (<see cref="ConnectionDirtyIssues"/>).
/// <para>
/// Each poll asks for <c>updated &gt;= cursor − overlap</c>, rounded down to the minute Jira's date literals have, and
/// drops what it reported before with the same <c>updated</c>. So issues sharing one timestamp across a page boundary
/// or a poll boundary are reported once, an issue changed twice within a minute is reported twice (its <c>updated</c>
/// moved), and a clock difference or search lag smaller than the overlap loses nothing.
/// </para>
/// The sync's own writes are reported too: the engine recognises them by comparing hashes (Sync/README.md).
/// </summary>
public sealed class JqlChangeDetector(
    LocalJira jira,
    SearcherTimeZone searcherZone,
    ChangeCursorStore cursors,
    IOptions<ChangeCaptureOptions> options,
    ILogger<JqlChangeDetector> logger)
{
    // Only what deduplication needs: the id and key come with every issue ("Search for issues using JQL enhanced search").
    private static readonly IReadOnlyList<string> Fields = ["updated"];

    /// <summary>One pass over the connection's window; each page's findings are stored before the next is asked for.</summary>
    public async Task<JiraResult<CapturePoll>> PollAsync(Connection connection, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.Value;
        var local = await jira.ClientAsync(cancel);
        if (!local.IsSuccess)
            return await FailedAsync(connection, local.Error, cancel);
        var client = local.Value;
        var cursor = await cursors.LoadAsync(connection.Id, connection.ActivatedAt ?? connection.CreatedAt, cancel);
        var zone = await searcherZone.GetAsync(client, cancel);
        if (!zone.IsSuccess)
            return await FailedAsync(connection, zone.Error, cancel);

        var jql = ChangeWindowJql.For(connection.LocalProject.Key, cursor.Updated - settings.ChangeOverlap, zone.Value);
        var latest = cursor.Updated;
        int detected = 0, pages = 0;
        string? token = null;
        do
        {
            var page = await client.SearchAsync(new JiraSearchRequest { Jql = jql, Fields = Fields, MaxResults = settings.CapturePageSize, NextPageToken = token }, cancel);
            if (!page.IsSuccess)
                return await FailedAsync(connection, page.Error, cancel);
            pages++;
            var changes = New(page.Value.Issues, cursor, ref latest);
            await cursors.AdvanceAsync(connection.Id, changes, latest, settings.ChangeOverlap, cancel);
            detected += changes.Count;
            token = page.Value.IsLast ? null : page.Value.NextPageToken;
        } while (token is not null);

        await cursors.RecordPollAsync(connection.Id, null, cancel);
        if (detected > 0)
            logger.LogDebug("Connection {Connection}: {Count} changed issues in {Project}", connection.Id, detected, connection.LocalProject.Key);
        return new CapturePoll(detected, pages);
    }

    /// <summary>The issues of a page not yet reported at their current <c>updated</c>; remembers them in <paramref name="cursor"/>.</summary>
    private List<DetectedChange> New(IReadOnlyList<JiraIssue> issues, ChangeCursor cursor, ref DateTimeOffset latest)
    {
        var changes = new List<DetectedChange>();
        foreach (var issue in issues)
        {
            if (issue.Updated is not { } updated)
            {
                logger.LogWarning("Jira returned issue {Issue} without its updated field; it is skipped", issue.Id);
                continue;
            }
            if (updated > latest)
                latest = updated;
            var updatedMs = updated.ToUnixTimeMilliseconds();
            // "Differs", not "is later": a clock stepped back must not hide a change; a stale search hit only costs a read.
            if (cursor.SeenUpdatedMs.TryGetValue(issue.Id, out var seenMs) && seenMs == updatedMs)
                continue;
            cursor.SeenUpdatedMs[issue.Id] = updatedMs;
            changes.Add(new DetectedChange(issue.Id, issue.Key, updated));
        }
        return changes;
    }

    private async Task<JiraResult<CapturePoll>> FailedAsync(Connection connection, JiraError error, CancellationToken cancel)
    {
        await cursors.RecordPollAsync(connection.Id, error.ToString(), cancel);
        return error;
    }
}
