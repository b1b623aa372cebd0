using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.PublicNode;

namespace ConnectAddon.PrivateConsole.Invitations;

/// <summary>
/// Says at once whether a pasted code can be accepted (DESIGN §5): malformed from its shape, expired from its own
/// <c>exp</c> without asking anyone, else what the issuing public node says (valid, used, revoked, or unknown).
/// </summary>
public sealed class InvitationChecker(PublicNodeClient publicNode, TimeProvider clock)
{
    public async Task<Result<InvitationCheck>> CheckAsync(string? pasted, CancellationToken cancel)
    {
        var decoded = InvitationCode.Decode(pasted);
        if (!decoded.IsSuccess)
            return decoded.Error;
        var code = decoded.Value;
        var publicNodeUrl = code.PublicNodeUrl.AbsoluteUri.TrimEnd('/');
        if (clock.GetUtcNow() >= code.ExpiresAt)
            return new InvitationCheck(InvitationStatus.Expired, code.ConnectionName, code.Mode, code.Type, code.ExpiresAt.UtcDateTime, publicNodeUrl);

        var status = await publicNode.GetInvitationStatusAsync(code, cancel);
        if (!status.IsSuccess)
            return status.Error;
        var answer = status.Value;
        return new InvitationCheck(answer.Status, answer.ConnectionName, answer.Mode, answer.Type, Utc(answer.ExpiresAt), publicNodeUrl);
    }

    // A time written with an offset other than Z arrives as local time; the console shows UTC throughout.
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();
}
