namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed class PacketFilesTests
{
    [Theory]
    [InlineData("accept.txt")]
    [InlineData("reject.txt")]
    public void DataCopy_MatchesSharedOriginal_WhenSharedIsBesideTheClone(string name)
    {
        string copy = Path.Combine(AppContext.BaseDirectory, "data", name);
        Assert.True(File.Exists(copy), $"{copy} is not in the test output.");

        // CI and developers have ../shared beside the clone; elsewhere there is nothing to compare with.
        if (PacketFiles.SharedFolder() is { } shared)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(shared, name)), File.ReadAllBytes(copy));
        }
    }
}
