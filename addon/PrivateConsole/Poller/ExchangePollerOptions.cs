namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>The private node's exchange poller, bound to <c>PrivateNode:Exchange</c>.</summary>
public sealed class ExchangePollerOptions
{
    public const string Section = "PrivateNode:Exchange";

    /// <summary>How long an idle exchange asks the public node to hold it (at most 50): about two requests a minute when idle.</summary>
    public int WaitSeconds { get; set; } = 50;

    /// <summary>The first wait after a failed exchange; it doubles with each failure in a row, with jitter.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed exchanges.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the poller looks for connections accepted since (and stops those deleted here).</summary>
    public TimeSpan ConnectionRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
