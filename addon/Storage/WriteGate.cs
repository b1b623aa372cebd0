namespace ConnectAddon.Storage;

/// <summary>
/// The order in which this process's writers take SQLite's one write lock: one at a time, first come first served,
/// except that urgent writers (someone is waiting for the answer: the webhook intake's 204) go before the sync's
/// background work that queued earlier. The intake has one writer, which queues again only after its batch is
/// committed, so the background work gets its turn between two batches and is never starved. Not re-entrant: a writer
/// never asks for the gate while holding it.
/// </summary>
public sealed class WriteGate
{
    private readonly Lock sync = new();
    private readonly Queue<TaskCompletionSource> urgent = new();
    private readonly Queue<TaskCompletionSource> background = new();
    private bool held;

    public async Task<IDisposable> EnterAsync(bool isUrgent, CancellationToken cancel)
    {
        TaskCompletionSource turn;
        lock (sync)
        {
            if (!held)
            {
                held = true;
                return new Pass(this);
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (isUrgent ? urgent : background).Enqueue(turn);
        }
        try
        {
            await turn.Task.WaitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            // Given the gate just as the caller gave up: hand it on, or it would stay held.
            if (!turn.TrySetCanceled() && turn.Task.IsCompletedSuccessfully)
                Leave();
            throw;
        }
        return new Pass(this);
    }

    private void Leave()
    {
        while (true)
        {
            TaskCompletionSource? next;
            lock (sync)
            {
                if (!urgent.TryDequeue(out next) && !background.TryDequeue(out next))
                {
                    held = false;
                    return;
                }
            }
            if (next.TrySetResult())
                return; // the gate passes to it, still held
        }
    }

    private sealed class Pass(WriteGate gate) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
                gate.Leave();
        }
    }
}
