using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LiveDigits.Benchmarks;

/// <summary>The one job every benchmark runs with, and the columns that turn times into per-digit costs.</summary>
public static class BenchConfig
{
    /// <summary>Creates the configuration.</summary>
    /// <returns>A short in-process job with the per-digit and versus-tutorial columns.</returns>
    /// <remarks>
    /// The machines have two cores shared by several people, so a run is kept short: three warm-up and
    /// five measured iterations, in this process (no generated project to build), which brings the whole
    /// suite under ten minutes. The spread columns show how far noise can be trusted.
    /// </remarks>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("short"))
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
        .AddColumn(new PerDigitColumn(), new VersusTutorialColumn())
        .WithOptions(ConfigOptions.DisableLogFile);
}
