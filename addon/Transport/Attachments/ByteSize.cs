using System.Globalization;

namespace ConnectAddon.Transport.Attachments;

/// <summary>Sizes for people: "100 MiB", "1.5 GiB", "512 bytes". Messages name sizes this way so an admin can compare at a glance.</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    public static string Describe(long bytes)
    {
        if (bytes < 1024)
            return bytes == 1 ? "1 byte" : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        // One decimal at most, and none when it is zero: "100 MiB", "100.5 MiB".
        return value.ToString(value >= 100 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
