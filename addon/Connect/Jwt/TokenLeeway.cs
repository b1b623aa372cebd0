namespace ConnectAddon.Connect.Jwt;

public static class TokenLeeway
{
    /// <summary>Clock skew tolerated on <c>exp</c>, <c>nbf</c> and <c>iat</c>: DESIGN §4 allows at most 30 s.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
}
