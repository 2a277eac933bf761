using System.Diagnostics;
using LiveDigits.Capture.Mnist;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>Writes a generated clip to a folder: the video and its <c>truth.json</c>.</summary>
public static class ClipWriter
{
    // How a full disk shows in IOException.HResult on Linux and macOS (ENOSPC).
    private const int DiskFullErrno = 28;

    /// <summary>Renders every frame, writes the video and then the truth.</summary>
    /// <param name="options">The clip to make.</param>
    /// <param name="folder">The output folder, created if missing.</param>
    /// <param name="mnist">The MNIST test set.</param>
    /// <param name="videoFileName">The video's name; <c>.avi</c> is written as MJPG, <c>.mp4</c> as mp4v.</param>
    /// <param name="logger">Receives a line at the start and the end.</param>
    /// <param name="progress">Receives the number of frames written so far.</param>
    /// <param name="onFrame">Sees each frame and its truth once written (for previews); must not keep the Mat.</param>
    /// <param name="cancellation">Stops between frames; the partial video is then removed.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="FrameSourceException">The video cannot be written; the message names it.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellation"/> fired; no new video or truth was left in the folder.
    /// </exception>
    /// <exception cref="IOException">
    /// The disk filled (or another write failed); no new video or truth was left in the folder.
    /// </exception>
    public static ClipFiles Write(
        ClipOptions options,
        string folder,
        MnistSet mnist,
        string videoFileName = ClipFiles.DefaultVideoFileName,
        ILogger? logger = null,
        IProgress<int>? progress = null,
        Action<Mat, ClipFrameTruth>? onFrame = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(videoFileName);
        var fourCc = FourCcFor(videoFileName);
        Directory.CreateDirectory(folder);
        var video = Path.Combine(folder, videoFileName);
        var truthPath = Path.Combine(folder, ClipFiles.TruthFileName);
        if (logger is not null)
        {
            Log.GeneratingClip(logger, options.Style, options.Seed, options.FrameCount, folder);
        }

        var watch = Stopwatch.StartNew();
        using var generator = new ClipGenerator(options, mnist);

        // Write under a temporary name (same extension, so the container is right) and move at the end,
        // so an interrupted run never leaves a video that looks complete.
        var partial = Path.Combine(folder, "partial-" + videoFileName);
        List<ClipFrameTruth> frames;
        try
        {
            frames = WriteVideo(generator, partial, fourCc, progress, onFrame, cancellation);
            RequireRoomLeft(partial, frames.Count);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, video, overwrite: true);
        try
        {
            ClipTruthFile.Write(generator.CreateTruth(frames, videoFileName), truthPath);
        }
        catch (IOException)
        {
            // A video without its truth is no clip, and a half clip must never be taken for a whole one.
            File.Delete(video);
            throw;
        }

        if (logger is not null)
        {
            Log.WroteClip(logger, frames.Count, video, truthPath, watch.Elapsed.TotalSeconds);
        }

        return new ClipFiles(video, truthPath);
    }

    private static List<ClipFrameTruth> WriteVideo(
        ClipGenerator generator,
        string path,
        FourCC fourCc,
        IProgress<int>? progress,
        Action<Mat, ClipFrameTruth>? onFrame,
        CancellationToken cancellation)
    {
        var options = generator.Options;
        var frames = new List<ClipFrameTruth>(options.FrameCount);
        using var writer = new VideoWriter(path, fourCc, options.Fps, new Size(options.Width, options.Height));
        if (!writer.IsOpened())
        {
            var codec = fourCc == FourCC.MJPG ? "MJPG" : "mp4v";
            throw new FrameSourceException($"{path}: cannot open a video writer ({codec}) for the clip");
        }

        using var frame = new Mat();
        for (var i = 0; i < options.FrameCount; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var truth = generator.Render(i, frame);
            frames.Add(truth);
            writer.Write(frame);
            onFrame?.Invoke(frame, truth);
            progress?.Report(i + 1);
        }

        writer.Release();
        return frames;
    }

    /// <summary>
    /// OpenCV's VideoWriter says nothing when a write fails, so a full disk leaves a video cut short that
    /// would play as a whole one. Less room left than an average frame takes is read as such a disk; a disk
    /// that happens to end that close to full after a whole video is refused too, and its truth would not
    /// have fitted anyway.
    /// </summary>
    private static void RequireRoomLeft(string video, int frames)
    {
        var length = new FileInfo(video).Length;
        var folder = Path.GetDirectoryName(Path.GetFullPath(video)) ?? video;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (frames > 0 && free < Math.Max(length / frames, 1))
        {
            throw new IOException($"{video}: the disk is full; the video may be cut short", DiskFullErrno);
        }
    }

    private static FourCC FourCcFor(string videoFileName) =>
        Path.GetExtension(videoFileName).ToUpperInvariant() switch
        {
            ".AVI" => FourCC.MJPG,
            ".MP4" => FourCC.MP4V,
            _ => throw new FrameSourceException(
                $"{videoFileName}: a clip's video must end in .avi (MJPG) or .mp4 (mp4v)"),
        };
}
