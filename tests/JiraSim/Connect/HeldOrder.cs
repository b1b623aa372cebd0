namespace JiraSim.Connect;

/// <summary>The order in which <see cref="WebhookSwitches.Release"/> sends the deliveries it held.</summary>
public enum HeldOrder
{
    /// <summary>In the order the changes happened.</summary>
    AsQueued,
    /// <summary>Newest first: the surest way to deliver out of order.</summary>
    Reversed,
    /// <summary>A random order.</summary>
    Shuffled,
}
