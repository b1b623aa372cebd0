namespace JiraSim.Jql;

/// <summary>
/// The WHERE part of a query as a tree. <see cref="object.ToString"/> writes it back fully parenthesised, which is how
/// tests see the precedence the parser gave it.
/// </summary>
public abstract record JqlClause(int Position);
