using System.Collections;

namespace Shapotou.Sdk.Model;

/// <summary>
/// Rows kept in a compact, immutable form (columns of a table) and made as records when read: a
/// <see cref="ClusterDataset"/> keeps such a list as it is given instead of copying its records, so that a
/// province-scale ledger is held as its columns, not as a record per row.
/// </summary>
/// <remarks>Each read makes a new record, equal (by value) to the one an earlier read made.</remarks>
/// <typeparam name="T">The record.</typeparam>
internal abstract class CompactRows<T> : IReadOnlyList<T>
{
    /// <inheritdoc/>
    public abstract int Count { get; }

    /// <inheritdoc/>
    public abstract T this[int index] { get; }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
