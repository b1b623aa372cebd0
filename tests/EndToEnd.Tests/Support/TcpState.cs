namespace EndToEnd.Tests.Support;

/// <summary>A TCP socket's state as Linux numbers it in <c>/proc/net/tcp</c> (the <c>st</c> column; include/net/tcp_states.h).</summary>
public enum TcpState
{
    Established = 0x01,
    SynSent = 0x02,
    SynReceived = 0x03,
    FinWait1 = 0x04,
    FinWait2 = 0x05,
    TimeWait = 0x06,
    Close = 0x07,
    CloseWait = 0x08,
    LastAck = 0x09,
    Listen = 0x0A,
    Closing = 0x0B,
    NewSynReceived = 0x0C,
}
