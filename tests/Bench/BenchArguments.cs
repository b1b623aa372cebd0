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

    /// <summary>
    /// Takes <c>name word</c> out of <paramref name="args"/>, where the word is one of <paramref name="words"/> (any
    /// case); <paramref name="rest"/> is every other pair in its order. Options are walked in pairs, so a word is
    /// never taken for a number's value. No <paramref name="name"/>: <paramref name="value"/> is null.
    /// </summary>
    public static bool TryTakeWord(ReadOnlySpan<string> args, string name, IReadOnlyList<string> words, out string? value, out string[] rest, out string problem)
    {
        value = null;
        problem = "";
        var others = new List<string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] != name)
            {
                others.AddRange(args.Slice(i, Math.Min(2, args.Length - i)));
                continue;
            }
            var given = i + 1 < args.Length ? args[i + 1] : null;
            if (given is null || words.FirstOrDefault(w => w.Equals(given, StringComparison.OrdinalIgnoreCase)) is not { } word)
            {
                problem = $"{name} takes {string.Join(" or ", words)}{(given is null ? "" : $", not '{given}'")}.";
                rest = [];
                return false;
            }
            value = word;
        }
        rest = [.. others];
        return true;
    }
}
