using System.Net;
using ConnectAddon.PrivateConsole.Login;
using ConnectAddon.Tests.Connections;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>The login throttle's two counts (per address, per account) and the bound on what it remembers.</summary>
public class LoginThrottleTests
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);

    [Test]
    public void AnAccount_IsCappedAcrossAddresses()
    {
        var throttle = new LoginThrottle(clock);
        var allowed = 0;
        for (var address = 0; address < 50; address++)
            if (throttle.TryBeginFromAddress("10.0.0." + address, out _) && throttle.TryBeginForAccount("admin", out _))
                allowed++;

        Assert.That(allowed, Is.EqualTo(LoginThrottle.MaxFailuresPerAccount), "50 guesses from 50 addresses: only the account's allowance went through");
        Assert.That(throttle.TryBeginForAccount("admin", out var wait), Is.False);
        Assert.That(wait, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(LoginThrottle.AccountWindow));
    }

    [Test]
    public void NamesThatAreNoAccount_AreCappedTogether_WhateverTheName()
    {
        var throttle = new LoginThrottle(clock);
        var allowed = Enumerable.Range(0, 50).Count(_ => throttle.TryBeginForUnknownAccount(out TimeSpan _));
        Assert.That(allowed, Is.EqualTo(LoginThrottle.MaxFailuresPerAccount), "each guess costs a password hash: the made-up names share one allowance");
    }

    [Test]
    public async Task PasswordsAreCheckedOneAtATime()
    {
        var throttle = new LoginThrottle(clock);
        Assert.That(await throttle.WaitToVerifyAsync(CancellationToken.None), Is.True);
        var second = throttle.WaitToVerifyAsync(CancellationToken.None);
        Assert.That(second.IsCompleted, Is.False, "the second waits while the first is checked");
        throttle.DoneVerifying();
        Assert.That(await second, Is.True);
        throttle.DoneVerifying();
    }

    [Test]
    public void AnAccountsFailures_AgeOutOfTheWindow()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAccount; i++)
            throttle.TryBeginForAccount("admin", out _);
        clock.Advance(LoginThrottle.AccountWindow + TimeSpan.FromSeconds(1));
        Assert.That(throttle.TryBeginForAccount("admin", out _), Is.True);
    }

    [Test]
    public void AnIPv6Client_IsCountedByIts64_SoChangingTheInterfaceIdDoesNotReset()
    {
        Assert.That(LoginThrottle.AddressKey(IPAddress.Parse("2001:db8:1:2:aaaa::1")),
            Is.EqualTo(LoginThrottle.AddressKey(IPAddress.Parse("2001:db8:1:2:ffff:1:2:3"))));
        Assert.That(LoginThrottle.AddressKey(IPAddress.Parse("2001:db8:1:3::1")),
            Is.Not.EqualTo(LoginThrottle.AddressKey(IPAddress.Parse("2001:db8:1:2::1"))));
        Assert.That(LoginThrottle.AddressKey(IPAddress.Parse("::ffff:192.0.2.7")), Is.EqualTo("192.0.2.7"));
    }

    [Test]
    public void AFloodOfAddresses_NeverGrowsTheTableBeyondItsCapacity()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 3 * LoginThrottle.AddressCapacity; i++)
            throttle.TryBeginFromAddress("198.51." + (i >> 8) + "." + (i & 255), out _);
        Assert.That(throttle.TrackedAddresses, Is.LessThanOrEqualTo(LoginThrottle.AddressCapacity));
    }

    [Test]
    public void WhenTheAddressesAge_TheTableMakesRoomForNewOnes()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.AddressCapacity; i++)
            throttle.TryBeginFromAddress("a" + i, out _);
        clock.Advance(LoginThrottle.AddressWindow + TimeSpan.FromSeconds(1));
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAddress; i++)
            throttle.TryBeginFromAddress("newcomer", out _);
        Assert.That(throttle.TryBeginFromAddress("newcomer", out _), Is.False, "the newcomer is counted, not waved through");
    }
}
