namespace LiveDigits.Capture;

/// <summary>
/// Turns off OpenCV's Intel IPP code paths for the reader's many calls on small images, unless the user has
/// set <c>OPENCV_IPP</c>. The app and the benchmarks call it first thing in <c>Main</c>.
/// </summary>
/// <remarks>
/// IPP's dispatch costs about 10 µs a call even on a 4x4 image, and a frame makes thousands of calls on
/// 28x28 to 128x128 candidate images: with IPP off the normaliser took 4.2-5.0 ms of CPU a frame instead of
/// 7.2-7.3 and the segmenter 7.4-8.3 instead of 9.3-9.7 (bench clip, one OpenCV thread; docs/PERFORMANCE.md,
/// section 6), and the readings of twelve generated clips were the same byte for byte. OpenCV reads the
/// variable once, when it first uses IPP, so this must run before any image is processed.
/// </remarks>
public static class OpenCvIpp
{
    /// <summary>Disables IPP for this process unless <c>OPENCV_IPP</c> is already set.</summary>
    public static void Disable() => NativeEnvironment.SetDefault("OPENCV_IPP", "disabled");
}
