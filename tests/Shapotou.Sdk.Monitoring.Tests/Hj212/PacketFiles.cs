namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

/// <summary>The real packets of <c>accept.txt</c> and <c>reject.txt</c>: the copies in this project's <c>data/</c>,
/// or else the originals in <c>../shared/reference/hj212-packets</c> beside the clone.</summary>
internal static class PacketFiles
{
    public static string[] Accept => ReadLines("accept.txt");

    public static string[] Reject => ReadLines("reject.txt");

    public static string Locate(string name)
    {
        string copy = Path.Combine(AppContext.BaseDirectory, "data", name);
        if (File.Exists(copy))
        {
            return copy;
        }

        string shared = Path.Combine(SharedFolder() ?? throw new FileNotFoundException($"Neither data/{name} nor shared/ was found."), name);
        return File.Exists(shared) ? shared : throw new FileNotFoundException($"Packet file '{shared}' does not exist.", shared);
    }

    /// <summary>The shared packet folder, computed from the repository root (the folder holding Shapotou.Sdk.sln), or
    /// <see langword="null"/> when the repository or the folder is not there.</summary>
    public static string? SharedFolder()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shapotou.Sdk.sln")))
            {
                string folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "reference", "hj212-packets"));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    private static string[] ReadLines(string name) => File.ReadAllLines(Locate(name)).Where(line => line.Length > 0).ToArray();
}
