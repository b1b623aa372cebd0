using System.Net;
using ConnectAddon.Transport;

namespace ConnectAddon.Tests.Transport;

/// <summary>The address rule as a pure function: every special-purpose range, its edges, and IPv6 forms that carry IPv4.</summary>
public class DestinationAddressesTests
{
    [TestCase("127.0.0.1", DestinationAddressKind.Loopback)]
    [TestCase("127.255.255.254", DestinationAddressKind.Loopback)]
    [TestCase("::1", DestinationAddressKind.Loopback)]
    [TestCase("10.0.0.0", DestinationAddressKind.Private)]
    [TestCase("10.255.255.255", DestinationAddressKind.Private)]
    [TestCase("172.16.0.1", DestinationAddressKind.Private)]
    [TestCase("172.31.255.255", DestinationAddressKind.Private)]
    [TestCase("192.168.0.1", DestinationAddressKind.Private)]
    [TestCase("192.168.255.255", DestinationAddressKind.Private)]
    [TestCase("fc00::1", DestinationAddressKind.Private)]
    [TestCase("fd12:3456:789a::1", DestinationAddressKind.Private)]
    [TestCase("fec0::1", DestinationAddressKind.Private)]
    [TestCase("64:ff9b:1::a00:1", DestinationAddressKind.Private)]
    [TestCase("169.254.169.254", DestinationAddressKind.LinkLocal)]
    [TestCase("169.254.0.1", DestinationAddressKind.LinkLocal)]
    [TestCase("fe80::1", DestinationAddressKind.LinkLocal)]
    [TestCase("fe80::1%2", DestinationAddressKind.LinkLocal)]
    [TestCase("febf:ffff::1", DestinationAddressKind.LinkLocal)]
    [TestCase("0.0.0.0", DestinationAddressKind.Unspecified)]
    [TestCase("0.1.2.3", DestinationAddressKind.Unspecified)]
    [TestCase("::", DestinationAddressKind.Unspecified)]
    [TestCase("224.0.0.1", DestinationAddressKind.Multicast)]
    [TestCase("239.255.255.250", DestinationAddressKind.Multicast)]
    [TestCase("ff02::1", DestinationAddressKind.Multicast)]
    [TestCase("255.255.255.255", DestinationAddressKind.Broadcast)]
    [TestCase("100.64.0.1", DestinationAddressKind.CarrierGradeNat)]
    [TestCase("100.127.255.255", DestinationAddressKind.CarrierGradeNat)]
    [TestCase("240.0.0.1", DestinationAddressKind.Reserved)]
    [TestCase("192.0.2.10", DestinationAddressKind.Reserved)]
    [TestCase("198.18.0.1", DestinationAddressKind.Reserved)]
    [TestCase("2001:db8::1", DestinationAddressKind.Reserved)]
    [TestCase("2001:0:4136:e378:8000:63bf:3fff:fdd2", DestinationAddressKind.Reserved)]
    [TestCase("::127.0.0.1", DestinationAddressKind.Reserved)]
    public void Classify_SpecialPurposeAddress_IsNotPublic(string address, DestinationAddressKind expected) =>
        Assert.That(DestinationAddresses.Classify(IPAddress.Parse(address)), Is.EqualTo(expected));

    [TestCase("::ffff:0:a9fe:a9fe", DestinationAddressKind.LinkLocal)] // IPv4-translated (SIIT), found by an outside attack
    [TestCase("::ffff:0:7f00:1", DestinationAddressKind.Loopback)]
    [TestCase("::ffff:127.0.0.1", DestinationAddressKind.Loopback)]
    [TestCase("::ffff:7f00:1", DestinationAddressKind.Loopback)]
    [TestCase("::ffff:10.1.2.3", DestinationAddressKind.Private)]
    [TestCase("::ffff:172.16.0.1", DestinationAddressKind.Private)]
    [TestCase("::ffff:192.168.1.1", DestinationAddressKind.Private)]
    [TestCase("::ffff:169.254.169.254", DestinationAddressKind.LinkLocal)]
    [TestCase("::ffff:0.0.0.0", DestinationAddressKind.Unspecified)]
    [TestCase("::ffff:100.64.0.1", DestinationAddressKind.CarrierGradeNat)]
    [TestCase("::ffff:224.0.0.1", DestinationAddressKind.Multicast)]
    [TestCase("::ffff:255.255.255.255", DestinationAddressKind.Broadcast)]
    [TestCase("64:ff9b::7f00:1", DestinationAddressKind.Loopback)]
    [TestCase("64:ff9b::a9fe:a9fe", DestinationAddressKind.LinkLocal)]
    [TestCase("2002:7f00:1::", DestinationAddressKind.Loopback)]
    [TestCase("2002:c0a8:101::1", DestinationAddressKind.Private)]
    public void Classify_Ipv6FormOfAnIpv4Address_IsJudgedByThatIpv4Address(string address, DestinationAddressKind expected) =>
        Assert.That(DestinationAddresses.Classify(IPAddress.Parse(address)), Is.EqualTo(expected));

    [TestCase("8.8.8.8")]
    [TestCase("93.184.216.34")]
    [TestCase("9.255.255.255")]
    [TestCase("11.0.0.0")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.0")]
    [TestCase("126.255.255.255")]
    [TestCase("128.0.0.0")]
    [TestCase("169.253.255.255")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.0")]
    [TestCase("192.167.255.255")]
    [TestCase("192.169.0.0")]
    [TestCase("223.255.255.255")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("2a00:1450:4001:80b::200e")]
    [TestCase("::ffff:8.8.8.8")]
    [TestCase("64:ff9b::808:808")]
    [TestCase("2002:808:808::1")]
    public void Classify_PublicAddress_IsPublic(string address) =>
        Assert.That(DestinationAddresses.Classify(IPAddress.Parse(address)), Is.EqualTo(DestinationAddressKind.Public));
}
