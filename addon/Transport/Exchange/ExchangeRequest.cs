using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// The body of an exchange (Transport/README.md): <c>{"ack": n, "events": [{"seq": n, "payload": …}], "waitSeconds": n}</c>.
/// A wait beyond <see cref="ExchangeLimits.MaxWaitSeconds"/> is shortened to it, not refused.
/// </summary>
public sealed record ExchangeRequest(long Ack, IReadOnlyList<SyncEvent> Events, int WaitSeconds)
{
    public static Result<ExchangeRequest> Read(JsonElement root)
    {
        if (!root.TryGetProperty("ack", out var ackField) || !ExchangeRequest.IsWhole(ackField, out var ack) || ack < 0)
            return ApiError.BadRequest("ack must be a whole number of at least 0: the highest sequence you have stored.");

        var wait = 0;
        if (root.TryGetProperty("waitSeconds", out var waitField) && waitField.ValueKind != JsonValueKind.Null)
        {
            if (!IsWhole(waitField, out var asked) || asked < 0)
                return ApiError.BadRequest("waitSeconds must be a whole number of at least 0.");
            wait = (int)Math.Min(asked, ExchangeLimits.MaxWaitSeconds);
        }

        var events = new List<SyncEvent>();
        if (root.TryGetProperty("events", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
                return ApiError.BadRequest("events must be an array.");
            if (list.GetArrayLength() > ExchangeLimits.MaxEventsPerBatch)
                return ApiError.BadRequest($"events holds at most {ExchangeLimits.MaxEventsPerBatch} events.");
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    return ApiError.BadRequest("Each event must be an object {\"seq\", \"payload\"}.");
                if (!item.TryGetProperty("seq", out var seqField) || !ExchangeRequest.IsWhole(seqField, out var seq) || seq < 1)
                    return ApiError.BadRequest("Each event's seq must be a whole number of at least 1.");
                if (!item.TryGetProperty("payload", out var payload) || payload.ValueKind == JsonValueKind.Undefined)
                    return ApiError.BadRequest($"Event {seq} has no payload.");
                var text = payload.GetRawText();
                if (System.Text.Encoding.UTF8.GetByteCount(text) > ExchangeLimits.MaxEventBytes)
                    return ApiError.TooLarge($"Event {seq}'s payload is larger than {ExchangeLimits.MaxEventBytes} bytes.");
                events.Add(new SyncEvent(seq, text, QueuedAt(item)));
            }
        }
        return new ExchangeRequest(ack, events, wait);
    }

    /// <summary>The optional <c>queuedAt</c> of a wire event (ms since the epoch, the sender's clock); anything else is ignored.</summary>
    internal static long? QueuedAt(JsonElement item) =>
        item.TryGetProperty("queuedAt", out var field) && IsWhole(field, out var ms) && ms > 0 ? ms : null;

    /// <summary>A JSON number that is a whole number (TryGetInt64 alone throws on strings).</summary>
    internal static bool IsWhole(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }

    /// <summary>The body as the private node sends it; payloads go in as the JSON they are.</summary>
    public byte[] ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("ack", Ack);
            ExchangeAnswer.WriteEvents(json, Events);
            json.WriteNumber("waitSeconds", WaitSeconds);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
