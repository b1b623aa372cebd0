namespace ConnectAddon.PrivateConsole.Settings;

/// <summary>
/// What a private node needs to know about itself, bound to <c>PrivateNode</c>. A plain class, not a record, so that
/// printing it can never show the Jira credentials it holds.
/// </summary>
public sealed class PrivateNodeOptions
{
    public const string Section = "PrivateNode";

    /// <summary>How the public node's admins will see this node once it accepted their invitation.</summary>
    public string Name { get; set; } = Environment.MachineName;

    public PrivateJiraOptions Jira { get; set; } = new();

    /// <summary>Plain http to public nodes, for development and tests on loopback; production public nodes are HTTPS.</summary>
    public bool AllowInsecurePublicNode { get; set; }

    /// <summary>One request to a public node, until its whole answer has arrived.</summary>
    public TimeSpan PublicNodeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Why the section could not be bound (a value that is no TimeSpan or boolean), reported by the validator instead of thrown.</summary>
    internal string? BindingProblem { get; set; }
}
