namespace Shapotou.Sdk;

/// <summary>
/// The exception thrown for bad <em>content</em>: a malformed catalogue row, a schema mismatch, or a unit of
/// measure in a file that is unknown or belongs to the wrong quantity.
/// </summary>
/// <remarks>
/// <para>Caller errors (a null argument, a value out of range) are the BCL's argument exceptions instead.</para>
/// <para>The message names what was wrong, where (table or file, column or field, row), the expected and the
/// actual value, in the invariant culture, and ends with a period.</para>
/// </remarks>
public sealed class ShapotouDataException : Exception
{
    /// <summary>Initializes a new instance with no message.</summary>
    public ShapotouDataException()
    {
    }

    /// <summary>Initializes a new instance with the message that explains the bad content.</summary>
    /// <param name="message">What was wrong, where, the expected and the actual value.</param>
    public ShapotouDataException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that revealed the bad content.</summary>
    /// <param name="message">What was wrong, where, the expected and the actual value.</param>
    /// <param name="innerException">The exception that revealed the problem, such as a JSON parse error.</param>
    public ShapotouDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
