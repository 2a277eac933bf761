using BenchmarkDotNet.Running;

namespace LiveDigits.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, such as <c>--filter '*Classification*'</c>.</summary>
public static class Program
{
    /// <summary>Hands the command line to BenchmarkDotNet's switcher.</summary>
    /// <param name="args">BenchmarkDotNet's options, such as <c>--filter</c>.</param>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
}
