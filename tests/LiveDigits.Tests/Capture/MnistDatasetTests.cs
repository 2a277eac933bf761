using LiveDigits.Capture.Mnist;

namespace LiveDigits.Tests.Capture;

public sealed class MnistDatasetTests
{
    [Fact]
    public void EnsureFetched_FourFetchesAtOnceIntoAFreshFolder_AllSucceedWithWholeFiles()
    {
        // On a fresh clone the tests and the app processes they start all fetch MNIST at once; with one shared
        // temporary name per file, one fetch moved away the half-written file of another.
        var folder = Directory.CreateTempSubdirectory("livedigits-mnist-race-").FullName;
        try
        {
            Parallel.For(0, 4, _ => MnistDataset.EnsureFetched(folder));

            var test = MnistDataset.LoadTest(folder);
            Assert.Equal(10_000, test.Count);
            Assert.Equal(7, test.Label(0));
            Assert.Empty(Directory.GetFiles(folder, "*.part"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
