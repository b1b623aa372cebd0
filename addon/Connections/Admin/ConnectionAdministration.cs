using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Connections.Admin;

/// <summary>
/// What a tenant's Jira admin does with connections (DESIGN §5): initiate (a pending connection and its invitation
/// code), edit, revoke the invitation, deactivate and activate, delete. Always within the caller's tenant; the rules
/// about which status allows what live here, and the store applies each change only if the status is still the same.
/// </summary>
public sealed class ConnectionAdministration(
    ConnectionStore store, JiraClientFactory jira, IOptions<ConnectionsOptions> options, AddonSettings settings, InvitationCodeProtector codes,
    TimeProvider clock, ILogger<ConnectionAdministration> logger)
{
    public Task<IReadOnlyList<Connection>> ListAsync(JiraCaller caller, CancellationToken cancel) =>
        store.ListAsync(caller.Tenant.ClientKey, cancel);

    /// <summary>A new pending connection and its invitation code (kept encrypted, for "Copy invitation code" while it is valid).</summary>
    public async Task<Result<(Connection Connection, string InvitationCode)>> InitiateAsync(JiraCaller caller, NewConnectionRequest request, CancellationToken cancel)
    {
        var project = await FindProjectAsync(caller, request.ProjectId, cancel);
        if (!project.IsSuccess)
            return project.Error;

        // Milliseconds, as stored, so the answer shows the connection exactly as the list will.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        // Whole seconds, as the code's "exp" says it, so both sides agree on the very moment it expires.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + options.Value.InvitationLifetime).ToUnixTimeSeconds());
        var secret = InvitationSecret.New();
        var id = ConnectionId.New();
        var connection = new Connection
        {
            Id = id,
            Side = ConnectionSide.Public,
            ClientKey = caller.Tenant.ClientKey,
            // Several invitations from one project stay apart: the suffix is a piece of the id the code carries.
            Name = request.Name ?? $"{project.Value.Key} to private node · {id[ConnectionId.Prefix.Length..][..4].ToUpperInvariant()}",
            Mode = request.Mode,
            Type = request.Type,
            Status = ConnectionStatus.Pending,
            LocalProject = project.Value,
            CreatedAt = now,
            UpdatedAt = now,
            Invitation = new Invitation(expiresAt, null, null),
        };
        var code = new InvitationCode(settings.BaseUrl, connection.Id, secret, connection.Mode, connection.Type, expiresAt, NodeVersion.Current, connection.Name).Encode();
        await store.InsertPendingAsync(connection, secret.Hash(), codes.Protect(code), await SiteTitleAsync(caller, cancel), expiresAt, cancel);
        logger.LogInformation("Connection {ConnectionId} initiated on tenant {ClientKey} by {AccountId}, invitation valid until {ExpiresAt}",
            connection.Id, caller.Tenant.ClientKey, caller.AccountId, expiresAt);
        return (connection, code);
    }

    // The site's own title ("Jira REST API v3: Server info", no scope needed) names it on the partner's console; without
    // it the console shows the site's address, so a failure here stops nothing.
    private async Task<string?> SiteTitleAsync(JiraCaller caller, CancellationToken cancel)
    {
        var info = await jira.For(caller.Tenant).GetServerInfoAsync(cancel);
        if (!info.IsSuccess)
            logger.LogInformation("The title of tenant {ClientKey}'s site is unknown: {Error}", caller.Tenant.ClientKey, info.Error);
        return info.IsSuccess && info.Value.ServerTitle is { Length: > 0 and <= 255 } title ? title : null;
    }

    /// <summary>The invitation code of a pending connection again, while its invitation is valid; otherwise why not.</summary>
    public async Task<Result<(Connection Connection, string InvitationCode)>> InvitationCodeAsync(JiraCaller caller, string id, CancellationToken cancel)
    {
        if (await store.FindAsync(caller.Tenant.ClientKey, id, cancel) is not { } connection)
            return ConnectionErrors.ConnectionNotFound();
        var status = connection.Invitation?.StatusAt(clock.GetUtcNow());
        if (connection.Status != ConnectionStatus.Pending || status != InvitationStatus.Valid)
            return ConnectionErrors.InvitationNotValid(connection.Status != ConnectionStatus.Pending
                ? $"The connection is {connection.Status}: its invitation was accepted, so there is no code to send."
                : $"The invitation is {status}; initiate a new connection to invite the partner again.");
        if (await store.FindProtectedCodeAsync(caller.Tenant.ClientKey, id, cancel) is not { } stored)
            return ConnectionErrors.InvitationNotValid(
                "This invitation was issued before invitation codes were kept, so its code was shown only once; revoke it and initiate a new connection.");
        return (connection, codes.Unprotect(stored));
    }

    public async Task<Result<Connection>> EditAsync(JiraCaller caller, string id, ConnectionEdit edit, CancellationToken cancel)
    {
        if (await store.FindAsync(caller.Tenant.ClientKey, id, cancel) is null)
            return ConnectionErrors.ConnectionNotFound();
        ConnectionProject? project = null;
        if (edit.ProjectId is { } projectId)
        {
            var found = await FindProjectAsync(caller, projectId, cancel);
            if (!found.IsSuccess)
                return found.Error;
            project = found.Value;
        }
        if (!await store.EditAsync(caller.Tenant.ClientKey, id, edit.Name, project, clock.GetUtcNow(), cancel))
            return ConnectionErrors.ConnectionNotFound();
        return await ReadAsync(caller, id, cancel);
    }

    /// <summary>Only a pending connection's open invitation (valid or expired) can be revoked.</summary>
    public async Task<Result<Connection>> RevokeInvitationAsync(JiraCaller caller, string id, CancellationToken cancel)
    {
        if (await store.FindAsync(caller.Tenant.ClientKey, id, cancel) is not { } connection)
            return ConnectionErrors.ConnectionNotFound();
        if (!await store.RevokeInvitationAsync(caller.Tenant.ClientKey, id, clock.GetUtcNow(), cancel))
            return ConnectionErrors.WrongStatus(
                connection.Status == ConnectionStatus.Pending ? $"pending and its invitation is {connection.Invitation?.StatusAt(clock.GetUtcNow())}" : connection.Status,
                "have its invitation revoked");
        logger.LogInformation("Invitation of connection {ConnectionId} revoked by {AccountId}", id, caller.AccountId);
        return await ReadAsync(caller, id, cancel);
    }

    /// <summary>Active → deactivated (changes queue) or deactivated → active; any other status is a 409.</summary>
    public async Task<Result<Connection>> ChangeStatusAsync(JiraCaller caller, string id, string from, string to, string action, CancellationToken cancel)
    {
        if (await store.FindAsync(caller.Tenant.ClientKey, id, cancel) is not { } connection)
            return ConnectionErrors.ConnectionNotFound();
        if (!await store.ChangeStatusAsync(caller.Tenant.ClientKey, id, from, to, clock.GetUtcNow(), cancel))
            return ConnectionErrors.WrongStatus(connection.Status == from ? "changing" : connection.Status, action);
        logger.LogInformation("Connection {ConnectionId} {Action} by {AccountId}", id, action, caller.AccountId);
        return await ReadAsync(caller, id, cancel);
    }

    public async Task<ApiError?> DeleteAsync(JiraCaller caller, string id, CancellationToken cancel)
    {
        if (!await store.DeleteAsync(caller.Tenant.ClientKey, id, clock.GetUtcNow(), cancel))
            return ConnectionErrors.ConnectionNotFound();
        logger.LogInformation("Connection {ConnectionId} deleted by {AccountId}", id, caller.AccountId);
        return null;
    }

    private async Task<Result<Connection>> ReadAsync(JiraCaller caller, string id, CancellationToken cancel) =>
        await store.FindAsync(caller.Tenant.ClientKey, id, cancel) is { } connection ? connection : ConnectionErrors.ConnectionNotFound();

    /// <summary>The project as the tenant's Jira knows it now (id or key accepted; the id is what is stored).</summary>
    private async Task<Result<ConnectionProject>> FindProjectAsync(JiraCaller caller, string projectId, CancellationToken cancel)
    {
        var project = await jira.For(caller.Tenant).GetProjectAsync(projectId, cancel);
        if (project.IsSuccess)
            return new ConnectionProject(project.Value.Id, project.Value.Key ?? project.Value.Id, project.Value.Name ?? project.Value.Key ?? project.Value.Id);
        if (project.Error.Kind == JiraErrorKind.NotFound)
            return ConnectionErrors.ProjectNotFound(projectId);
        logger.LogWarning("Reading project {ProjectId} of tenant {ClientKey} failed: {Error}", projectId, caller.Tenant.ClientKey, project.Error);
        return ConnectionErrors.JiraUnavailable("for the project");
    }
}
