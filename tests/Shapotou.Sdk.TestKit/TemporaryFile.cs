namespace Shapotou.Sdk.TestKit;

/// <summary>A file with the given content under the temporary folder, deleted on dispose.</summary>
public sealed class TemporaryFile : IDisposable
{
    /// <summary>Writes <paramref name="content"/> to a new file whose name ends in <paramref name="extension"/>.</summary>
    public TemporaryFile(string content, string extension = ".json")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"shapotou-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content);
    }

    /// <summary>Gets the full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public void Dispose() => File.Delete(Path);
}
