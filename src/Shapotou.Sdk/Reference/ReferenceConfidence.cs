namespace Shapotou.Sdk.Reference;

/// <summary>How sure the references are of a catalogue value; the catalogue never claims better than its sources.</summary>
/// <remarks>
/// Values a source gives only from recollection, or that were not found, are not catalogue values at all: they are
/// caller inputs. The marks are written as <c>P</c>, <c>S+</c> and <c>S</c>.
/// </remarks>
public enum ReferenceConfidence
{
    /// <summary><c>S</c>: seen in one secondary source; used only where nothing better exists, and listed as needing confirmation.</summary>
    Secondary = 1,

    /// <summary><c>S+</c>: a transcription that claims the original table, or two agreeing secondary sources; shown as transcribed.</summary>
    Transcribed = 2,

    /// <summary><c>P</c>: read in the primary text or a verbatim copy of it.</summary>
    Primary = 3,
}
