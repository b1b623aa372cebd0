namespace JiraSim.Forge;

/// <summary>
/// How Forge calls a remote ("Forge Remote essentials", the invocation contract): events and scheduled triggers by POST
/// with 5 s to answer and up to 4 retries, 60 s apart ("Sending product events: handling retries"); pages' calls with
/// 25 s and no retry. Tests may shorten the wait between retries.
/// </summary>
public sealed record ForgeCallPolicy
{
    public TimeSpan EventTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public int EventRetries { get; init; } = 4;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan UiTimeout { get; init; } = TimeSpan.FromSeconds(25);
}
