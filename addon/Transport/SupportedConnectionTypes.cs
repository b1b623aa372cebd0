namespace ConnectAddon.Transport;

/// <summary>The connection types and modes this version of the node supports (DESIGN §6): private, basic.</summary>
public static class SupportedConnectionTypes
{
    public static IReadOnlyList<ConnectionTypeInfo> All { get; } = [new ConnectionTypeInfo("private", ["basic"])];

    /// <summary>What both this node and another one support: the types in common, each with its modes in common.</summary>
    public static IReadOnlyList<ConnectionTypeInfo> SharedWith(IReadOnlyCollection<ConnectionTypeInfo> theirs) =>
        All.Select(ours => new ConnectionTypeInfo(ours.Type,
                ours.Modes.Where(mode => theirs.Any(t => t.Type == ours.Type && t.Modes.Contains(mode))).ToList()))
            .Where(type => type.Modes.Count > 0)
            .ToList();
}
