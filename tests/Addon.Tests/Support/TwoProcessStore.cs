using ConnectAddon.Storage;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Support;

/// <summary>
/// One database as two processes of a deployment see it: each its own <see cref="Database"/> (its own connections and
/// pool) on the same store, migrated once. For the stores' tests of what several processes share.
/// </summary>
public sealed class TwoProcessStore : IAsyncDisposable
{
    private TwoProcessStore(TestDatabase stored, Database first, Database second)
    {
        Stored = stored;
        First = first;
        Second = second;
    }

    public TestDatabase Stored { get; }
    public Database First { get; }
    public Database Second { get; }

    public static async Task<TwoProcessStore> StartAsync(TestStore store, string purpose)
    {
        var stored = TestDatabase.Create(store, purpose: purpose);
        return new TwoProcessStore(stored, await StoreSettings.MigratedAsync(stored), new Database(StoreSettings.For(stored)));
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Stored.DisposeAsync();
    }
}
