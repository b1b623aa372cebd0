namespace ConnectAddon.Tests.Support;

public static class TaskExtensions
{
    /// <summary>Lets a background read (a child process's output) run without being awaited.</summary>
    public static void Ignore(this Task task) => task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
}
