namespace JiraSim.Jql;

/// <summary>One ORDER BY item. Without ASC or DESC the simulator sorts ascending.</summary>
public sealed record JqlSort(string Field, int Position, bool Descending)
{
    public override string ToString() => $"{Field} {(Descending ? "DESC" : "ASC")}";
}
