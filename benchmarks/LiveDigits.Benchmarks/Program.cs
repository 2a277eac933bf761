using BenchmarkDotNet.Running;
using LiveDigits.Capture;

namespace LiveDigits.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, such as <c>--filter '*Classification*'</c>.</summary>
public static class Program
{
    /// <summary>Hands the command line to BenchmarkDotNet's switcher.</summary>
    /// <param name="args">BenchmarkDotNet's options, such as <c>--filter</c>.</param>
    public static void Main(string[] args)
    {
        // The stages are measured as the app runs them (docs/PERFORMANCE.md, section 6).
        OpenCvIpp.Disable();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
    }
}
