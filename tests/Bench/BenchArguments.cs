namespace ConnectAddon.Bench;

/// <summary>
/// The benchmarks' options: <c>--name value</c> pairs of whole numbers, each within its bounds. Anything else is
/// refused with a message saying what was wrong.
/// </summary>
public static class BenchArguments
{
    public static bool TryParse(ReadOnlySpan<string> args, IReadOnlyDictionary<string, (int Min, int Max)> allowed,
        out Dictionary<string, int> values, out string problem)
    {
        values = [];
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!allowed.TryGetValue(name, out var bounds))
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
            if (value < bounds.Min || value > bounds.Max)
            {
                problem = $"{name} must be between {bounds.Min} and {bounds.Max}, not {value}.";
                return false;
            }
            values[name] = value;
        }
        return true;
    }
}
