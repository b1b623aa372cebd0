using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Exchange;

public static class ExchangeErrors
{
    public const string ConnectionDeletedCode = "connection_deleted";

    /// <summary>The public node's admin deleted the connection: the private node stops exchanging for it and shows why.</summary>
    public static readonly ApiError ConnectionDeleted = new(StatusCodes.Status410Gone, ConnectionDeletedCode,
        "This connection was deleted on the public node; nothing more is exchanged for it.");
}
