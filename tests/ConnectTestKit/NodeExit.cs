namespace ConnectAddon.TestKit;

/// <summary>How a node that was expected not to start ended: its exit code and what it wrote on standard output and standard error.</summary>
public sealed record NodeExit(int ExitCode, string Output, string Errors);
