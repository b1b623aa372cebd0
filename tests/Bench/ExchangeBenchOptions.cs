namespace ConnectAddon.Bench;

/// <summary>The <c>exchange</c> benchmark's parameters: events measured each way, their spacing, and the idle period observed.</summary>
public sealed record ExchangeBenchOptions(int Events = 500, int IntervalMs = 20, int IdleSeconds = 130)
{
    public const int MaxEvents = 100_000;

    public static bool TryParse(ReadOnlySpan<string> args, out ExchangeBenchOptions options, out string problem)
    {
        options = new ExchangeBenchOptions();
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--events" or "--interval-ms" or "--idle-seconds"))
            {
                problem = $"Unknown option '{name}'.";
                return false;
            }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value))
            {
                problem = $"{name} needs a whole number.";
                return false;
            }
            i++;
            (options, var min, var max) = name switch
            {
                "--events" => (options with { Events = value }, 1, MaxEvents),
                "--interval-ms" => (options with { IntervalMs = value }, 0, 10_000),
                _ => (options with { IdleSeconds = value }, 0, 3600),
            };
            if (value < min || value > max)
            {
                problem = $"{name} must be between {min} and {max}, not {value}.";
                return false;
            }
        }
        return true;
    }

    public override string ToString() => $"--events {Events} --interval-ms {IntervalMs} --idle-seconds {IdleSeconds}";
}
