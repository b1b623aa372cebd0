using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport;

/// <summary>Stops start-up when <c>Transport:AllowedNetworks</c> or <c>Transport:OutboundProxy</c> cannot be read, naming each entry.</summary>
internal sealed class TransportOptionsValidator : IValidateOptions<TransportOptions>
{
    public ValidateOptionsResult Validate(string? name, TransportOptions options) =>
        options.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problems);
}
