namespace ConnectAddon.Connections;

/// <summary>Which node a connection row belongs to: the public node (rows per tenant) or the private node.</summary>
public static class ConnectionSide
{
    public const string Public = "public";
    public const string Private = "private";
}
