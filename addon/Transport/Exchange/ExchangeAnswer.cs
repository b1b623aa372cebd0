using ConnectAddon.Hosting;
using System.Text.Json;
using ConnectAddon.Connections;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// The public node's answer (Transport/README.md): <c>{"ack": n, "events": [{"seq": n, "payload": …}], "status": "active"|"deactivated"}</c>.
/// <c>ack</c> is the highest private→public sequence the public node has stored; <c>status</c> says whether events flow.
/// </summary>
public sealed record ExchangeAnswer(long Ack, IReadOnlyList<SyncEvent> Events, string Status)
{
    public byte[] ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("ack", Ack);
            WriteEvents(json, Events);
            json.WriteString("status", Status);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an answer; null when it is not what transport v1 describes.</summary>
    public static ExchangeAnswer? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonText.Parse(body.ToArray());
            if (document is null)
                return null;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("ack", out var ackField) || !ExchangeRequest.IsWhole(ackField, out var ack) || ack < 0
                || !root.TryGetProperty("status", out var statusField) || statusField.ValueKind != JsonValueKind.String)
                return null;
            var events = new List<SyncEvent>();
            if (root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("seq", out var seqField) || !ExchangeRequest.IsWhole(seqField, out var seq)
                        || seq < 1 || !item.TryGetProperty("payload", out var payload))
                        return null;
                    events.Add(new SyncEvent(seq, payload.GetRawText(), ExchangeRequest.QueuedAt(item)));
                }
            var status = statusField.GetString()!;
            return status is ConnectionStatus.Active or ConnectionStatus.Deactivated ? new ExchangeAnswer(ack, events, status) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static void WriteEvents(Utf8JsonWriter json, IReadOnlyList<SyncEvent> events)
    {
        json.WriteStartArray("events");
        foreach (var e in events)
        {
            json.WriteStartObject();
            json.WriteNumber("seq", e.Sequence);
            if (e.QueuedAtMs is { } queuedAt)
                json.WriteNumber("queuedAt", queuedAt);
            json.WritePropertyName("payload");
            json.WriteRawValue(e.Payload, skipInputValidation: true); // validated when queued or received
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
