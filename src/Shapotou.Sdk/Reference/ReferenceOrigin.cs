namespace Shapotou.Sdk.Reference;

/// <summary>Where a catalogue row comes from.</summary>
public enum ReferenceOrigin
{
    /// <summary>Shipped with the SDK (<c>builtin</c>).</summary>
    Builtin = 1,

    /// <summary>Loaded by the caller (<c>user</c>); for the same key and date it takes precedence over a built-in row.</summary>
    User = 2,
}
