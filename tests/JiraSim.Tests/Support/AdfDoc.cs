using System.Text.Json.Nodes;

namespace JiraSim.Tests.Support;

public static class AdfDoc
{
    public static JsonObject Text(string text) => JiraSim.Adf.AdfValidator.Paragraph(text);
}
