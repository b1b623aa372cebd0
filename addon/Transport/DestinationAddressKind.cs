namespace ConnectAddon.Transport;

/// <summary>What an IP address is, as far as the destination URL guard cares: only <see cref="Public"/> may be reached.</summary>
public enum DestinationAddressKind
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    Unspecified,
    Multicast,
    Broadcast,
    CarrierGradeNat,
    Reserved,
}
