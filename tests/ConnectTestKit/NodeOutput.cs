namespace ConnectAddon.TestKit;

/// <summary>
/// What a node writes on standard output and standard error, line by line as it arrives: kept for assertions,
/// echoed if asked, and waited for without polling (each line signals the waiters it satisfies).
/// </summary>
internal sealed class NodeOutput
{
    private readonly Lock gate = new();
    private readonly List<string> all = [];
    private readonly List<string> standardOutput = [];
    private readonly List<string> standardError = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string?> Found)> waiters = [];
    private readonly Action<string>? echo;
    private bool ended;

    public NodeOutput(StreamReader standardOutputReader, StreamReader standardErrorReader, Action<string>? echo)
    {
        this.echo = echo;
        Completion = Task.WhenAll(Task.Run(() => PumpAsync(standardOutputReader, standardOutput)), Task.Run(() => PumpAsync(standardErrorReader, standardError)))
            .ContinueWith(_ => End(), TaskScheduler.Default);
    }

    /// <summary>Completes when both streams have ended (the process exited) and every line is kept.</summary>
    public Task Completion { get; }

    /// <summary>Both streams, in the order their lines arrived.</summary>
    public IReadOnlyList<string> All => Snapshot(all);
    public IReadOnlyList<string> StandardOutput => Snapshot(standardOutput);
    public IReadOnlyList<string> StandardError => Snapshot(standardError);

    /// <summary>The first line, on either stream, that satisfies <paramref name="match"/>; null if the output ends without one.</summary>
    public Task<string?> FirstLineAsync(Func<string, bool> match)
    {
        lock (gate)
        {
            if (all.FirstOrDefault(match) is { } line)
                return Task.FromResult<string?>(line);
            if (ended)
                return Task.FromResult<string?>(null);
            var found = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, found));
            return found.Task;
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, All);

    private async Task PumpAsync(StreamReader reader, List<string> stream)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (gate)
            {
                all.Add(line);
                stream.Add(line);
                waiters.RemoveAll(waiter => waiter.Match(line) && waiter.Found.TrySetResult(line));
            }
            echo?.Invoke(line);
        }
    }

    private void End()
    {
        lock (gate)
        {
            ended = true;
            foreach (var waiter in waiters)
                waiter.Found.TrySetResult(null);
            waiters.Clear();
        }
    }

    private IReadOnlyList<string> Snapshot(List<string> lines)
    {
        lock (gate)
            return [.. lines];
    }
}
