namespace LiveDigits.App.Benchmarking;

/// <summary>One pass of a reader over a video in file mode (every frame, in order).</summary>
/// <param name="Frames">Frames read.</param>
/// <param name="Fps">Frames per second from subscription to completion, decoding included.</param>
/// <param name="ReadMilliseconds">The median time the reader spent on a frame.</param>
/// <param name="CpuMillisecondsPerFrame">Process CPU time per frame, all threads.</param>
/// <param name="Candidates">The median number of candidates classified per frame.</param>
/// <param name="Digits">The median number of digits reported per frame.</param>
internal sealed record FileRun(
    int Frames,
    double Fps,
    double ReadMilliseconds,
    double CpuMillisecondsPerFrame,
    double Candidates,
    double Digits);
