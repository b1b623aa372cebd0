using ConnectAddon.Storage;

namespace ConnectAddon.Tests.Storage;

/// <summary>The order this process's writers take SQLite's write lock in: one at a time, the webhook intake first.</summary>
public sealed class WriteGateTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Test]
    public async Task OneAtATime_UrgentBeforeBackgroundQueuedEarlier_EachInArrivalOrder()
    {
        var gate = new WriteGate();
        var first = await gate.EnterAsync(isUrgent: false, CancellationToken.None);
        // Each call queues before it returns: the gate is held.
        var waiting = new (string Name, Task<IDisposable> Turn)[]
        {
            ("background 1", gate.EnterAsync(isUrgent: false, CancellationToken.None)),
            ("background 2", gate.EnterAsync(isUrgent: false, CancellationToken.None)),
            ("urgent 1", gate.EnterAsync(isUrgent: true, CancellationToken.None)),
            ("urgent 2", gate.EnterAsync(isUrgent: true, CancellationToken.None)),
        };
        Assert.That(waiting.Any(w => w.Turn.IsCompleted), Is.False, "nobody passes while the gate is held");

        var order = new List<string>();
        var holder = first;
        var remaining = waiting.ToList();
        while (remaining.Count > 0)
        {
            holder.Dispose();
            // Only the one the gate went to can pass; the others wait for it to leave.
            var turn = await Task.WhenAny(remaining.Select(w => w.Turn)).WaitAsync(Limit);
            var next = remaining.Single(w => w.Turn == turn);
            remaining.Remove(next);
            Assert.That(remaining.Any(w => w.Turn.IsCompletedSuccessfully), Is.False, "one writer at a time");
            order.Add(next.Name);
            holder = await turn;
        }
        holder.Dispose();

        Assert.That(order, Is.EqualTo(new[] { "urgent 1", "urgent 2", "background 1", "background 2" }));
    }

    [Test]
    public async Task AWriterThatGivesUpWhileWaiting_DoesNotHoldTheGate()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(isUrgent: false, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var impatient = gate.EnterAsync(isUrgent: true, giveUp.Token);
        var patient = gate.EnterAsync(isUrgent: false, CancellationToken.None);

        await giveUp.CancelAsync();
        Assert.That(async () => await impatient, Throws.InstanceOf<OperationCanceledException>());
        held.Dispose();

        using var next = await patient.WaitAsync(Limit);
        Assert.That(patient.IsCompletedSuccessfully, Is.True, "the gate went on to the next writer");
    }

    [Test]
    public async Task LeavingTwice_HandsTheGateOnOnce()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(isUrgent: false, CancellationToken.None);
        var second = gate.EnterAsync(isUrgent: false, CancellationToken.None);
        var third = gate.EnterAsync(isUrgent: false, CancellationToken.None);

        held.Dispose();
        held.Dispose();
        var pass = await second.WaitAsync(Limit);
        var urgent = gate.EnterAsync(isUrgent: true, CancellationToken.None);
        pass.Dispose();

        // Had the second leave handed the gate to the third, it would be through before the urgent writer.
        Assert.That(await Task.WhenAny(third, urgent).WaitAsync(Limit), Is.SameAs(urgent));
        (await urgent).Dispose();
        (await third.WaitAsync(Limit)).Dispose();
    }
}
