namespace ConnectAddon.Bench;

/// <summary>The <c>exchange</c> benchmark's parameters: exchanges measured for the round trip, and the idle period observed.</summary>
public sealed record ExchangeBenchOptions(int Events = 500, int IdleSeconds = 130)
{
    public const int MaxEvents = 100_000;

    public static bool TryParse(ReadOnlySpan<string> args, out ExchangeBenchOptions options, out string problem)
    {
        var defaults = new ExchangeBenchOptions();
        options = defaults;
        if (!BenchArguments.TryParse(args, new Dictionary<string, (int, int)>
        {
            ["--events"] = (1, MaxEvents),
            ["--idle-seconds"] = (0, 3600),
        }, out var values, out problem))
            return false;
        options = defaults with
        {
            Events = values.GetValueOrDefault("--events", defaults.Events),
            IdleSeconds = values.GetValueOrDefault("--idle-seconds", defaults.IdleSeconds),
        };
        return true;
    }

    public override string ToString() => $"--events {Events} --idle-seconds {IdleSeconds}";
}
