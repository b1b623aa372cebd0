namespace ConnectAddon.Hosting;

/// <summary>Start-up stops with this when a setting is missing or invalid; its message names every such setting.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
