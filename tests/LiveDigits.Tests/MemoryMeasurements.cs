namespace LiveDigits.Tests;

/// <summary>
/// Tests that measure the process's memory run alone: other tests allocating on parallel threads (a clip
/// being generated, MNIST being loaded) would otherwise show up as growth in the measured one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
