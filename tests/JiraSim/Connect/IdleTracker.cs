namespace JiraSim.Connect;

/// <summary>Counts deliveries queued or in flight, so a test can wait for "nothing left to send" instead of sleeping.</summary>
public sealed class IdleTracker
{
    private readonly Lock sync = new();
    private int busy;
    private TaskCompletionSource idle = Completed();

    public int Busy { get { lock (sync) return busy; } }

    public void Enter()
    {
        lock (sync)
            if (busy++ == 0)
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Exit()
    {
        lock (sync)
            if (--busy == 0)
                idle.TrySetResult();
    }

    public async Task WhenIdleAsync(TimeSpan timeout, Func<string> describe)
    {
        Task task;
        lock (sync)
            task = idle.Task;
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Webhook deliveries were still busy after {timeout}: {describe()}.");
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
