using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport.Attachments;

/// <summary>Stops start-up on a limit out of range (or no number at all), naming the key and the range.</summary>
internal sealed class AttachmentOptionsValidator : IValidateOptions<AttachmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
    {
        if (options.BindingProblem is { } unreadable)
            return ValidateOptionsResult.Fail($"{AttachmentOptions.MaxAttachmentBytesKey} must be a whole number of bytes: {unreadable}");
        if (options.MaxAttachmentBytes is < AttachmentOptions.SmallestMaxAttachmentBytes or > AttachmentOptions.LargestMaxAttachmentBytes)
            return ValidateOptionsResult.Fail(
                $"{AttachmentOptions.MaxAttachmentBytesKey} is {options.MaxAttachmentBytes}; it must be between {AttachmentOptions.SmallestMaxAttachmentBytes} (1 KiB) " +
                $"and {AttachmentOptions.LargestMaxAttachmentBytes} (2 GiB) bytes");
        return ValidateOptionsResult.Success;
    }
}
