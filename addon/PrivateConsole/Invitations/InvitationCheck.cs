namespace ConnectAddon.PrivateConsole.Invitations;

/// <summary>What the console says about a pasted code before it is accepted. <see cref="ExpiresAt"/> is UTC.</summary>
public sealed record InvitationCheck(string Status, string ConnectionName, string Mode, string Type, DateTime ExpiresAt, string PublicNodeUrl);
