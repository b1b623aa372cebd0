namespace ConnectAddon.Transport.Invitations;

/// <summary><c>POST /transport/v1/invitations/status</c> answers this: whether the code can still be accepted, and what it is for. <see cref="ExpiresAt"/> is UTC.</summary>
public sealed record InvitationStatusAnswer(string Status, string ConnectionName, string Mode, string Type, DateTime ExpiresAt);
