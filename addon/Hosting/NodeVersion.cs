using System.Reflection;

namespace ConnectAddon.Hosting;

/// <summary>
/// The version a node tells other nodes and admins (transport info, invitation codes, accept answers): the
/// assembly's informational version as the build stamped it (e.g. <c>1.0.0+&lt;commit&gt;</c>), read once.
/// </summary>
public static class NodeVersion
{
    /// <summary>What a build without an informational version reports.</summary>
    public const string Fallback = "0.1.0";

    public static string Current { get; } =
        typeof(NodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { Length: > 0 } version
            ? version
            : Fallback;
}
