namespace ConnectAddon.Connections.Invitations;

/// <summary>What an invitation can still do, as the admin API and <c>invitations/status</c> say it.</summary>
public static class InvitationStatus
{
    public const string Valid = "valid";
    public const string Expired = "expired";
    public const string Used = "used";
    public const string Revoked = "revoked";
}
