namespace ConnectAddon.Transport;

/// <summary>What <c>GET /transport/v1/info</c> says of a node (DESIGN §6): no secrets.</summary>
public sealed record NodeInfo(string Name, string Version, string Role, IReadOnlyList<ConnectionTypeInfo> ConnectionTypes);
