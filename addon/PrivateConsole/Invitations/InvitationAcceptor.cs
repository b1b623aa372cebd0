using System.Security.Cryptography;
using ConnectAddon.Connections;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Connections;
using ConnectAddon.PrivateConsole.PublicNode;

namespace ConnectAddon.PrivateConsole.Invitations;

/// <summary>
/// The private node's half of accepting an invitation (Connections/README.md, "The private node"): checks the local
/// project, accepts at the public node with a fresh nonce, derives the connection key from the secret and that nonce,
/// and stores the connection, active, on the private side.
/// </summary>
public sealed class InvitationAcceptor(
    LocalJira jira, PublicNodeClient publicNode, PrivateConnectionStore connections, TimeProvider clock, ILogger<InvitationAcceptor> logger)
{
    public async Task<Result<Connection>> AcceptAsync(string? pasted, string projectKey, CancellationToken cancel)
    {
        var decoded = InvitationCode.Decode(pasted);
        if (!decoded.IsSuccess)
            return decoded.Error;
        var code = decoded.Value;
        // The public node would refuse it too; saying so here spares the round trip and matches what the check showed.
        if (clock.GetUtcNow() >= code.ExpiresAt)
            return ConnectionErrors.InvitationExpired();

        var project = await jira.FindProjectAsync(projectKey, cancel);
        if (!project.IsSuccess)
            return project.Error;
        var local = new ConnectionProject(project.Value.Id, project.Value.Key ?? projectKey, project.Value.Name ?? projectKey);

        var nonce = RandomNumberGenerator.GetBytes(ConnectionKey.NonceBytes);
        // Known by now: finding the project needed a Jira this node supports.
        var product = await jira.ProductAsync(cancel);
        var accepted = await publicNode.AcceptAsync(code, nonce, local, product?.DisplayName, cancel);
        if (!accepted.IsSuccess)
            return accepted.Error;

        var now = clock.GetUtcNow();
        var answer = accepted.Value;
        var connection = new Connection
        {
            Id = code.ConnectionId,
            Side = ConnectionSide.Private,
            Name = answer.Name,
            Mode = answer.Mode,
            Type = answer.Type,
            Status = ConnectionStatus.Active,
            LocalProject = local,
            // The Jira site the partner connected from, by its own name; a public node that does not say, by the node's.
            RemoteNodeName = answer.PublicSite?.DisplayName() ?? answer.PublicNode.Name,
            RemoteNodeVersion = answer.PublicNode.Version,
            // A public node serves Jira Cloud sites only.
            RemoteJira = "Jira Cloud",
            RemoteProjectKey = answer.PublicProject.Key,
            RemoteProjectName = answer.PublicProject.Name,
            // Where this node did reach the public node, so its poller goes where the accept went.
            RemoteBaseUrl = code.PublicNodeUrl.AbsoluteUri.TrimEnd('/'),
            CreatedAt = now,
            UpdatedAt = now,
            ActivatedAt = now,
        };
        if (!await connections.AddAcceptedAsync(connection, ConnectionKey.Derive(code.Secret.Bytes, nonce), cancel))
            return new ApiError(StatusCodes.Status409Conflict, "connection_exists", $"This node already holds connection {code.ConnectionId}.");

        logger.LogInformation("Accepted connection {ConnectionId} '{Name}' from {PublicNode} into project {ProjectKey}",
            connection.Id, connection.Name, connection.RemoteBaseUrl, local.Key);
        return connection;
    }
}
