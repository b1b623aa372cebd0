namespace JiraSim.Jql;

public enum JqlSortField
{
    /// <summary>By project key, then by the number in the issue key (ACME-2 before ACME-10).</summary>
    Key,
    /// <summary>By issue id, numerically.</summary>
    Id,
    Created,
    Updated,
    /// <summary>By summary, ignoring case.</summary>
    Summary,
}
