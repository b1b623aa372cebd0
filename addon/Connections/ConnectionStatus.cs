namespace ConnectAddon.Connections;

/// <summary>
/// Where a connection stands (DESIGN §2): <see cref="Pending"/> while its invitation waits, then <see cref="Active"/>
/// ⇄ <see cref="Deactivated"/>, or <see cref="Error"/> with a reason. Stored and shown as these words.
/// </summary>
public static class ConnectionStatus
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Deactivated = "deactivated";
    public const string Error = "error";
}
