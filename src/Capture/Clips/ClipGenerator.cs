using LiveDigits.Capture.Mnist;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// Renders a clip frame by frame: a camera moving over a sheet of handwritten MNIST test digits, with the
/// exact box and label of every digit in every frame. Any frame can be rendered on its own, in any order;
/// the same options always give the same pixels and truth.
/// </summary>
/// <remarks>Not thread-safe: render one frame at a time.</remarks>
public sealed class ClipGenerator : IDisposable
{
    /// <summary>A digit this much outside the frame is not required (flagged ignore).</summary>
    private const double MinVisibleFraction = 0.5;

    /// <summary>A digit this much under the hand is not required (flagged ignore).</summary>
    private const double MaxOccludedFraction = 0.25;

    private readonly ClipOptions _options;
    private readonly Size _size;
    private readonly Sheet _sheet;
    private readonly CameraPath _path;
    private readonly CameraEffects _effects;
    private readonly HandOccluder? _hand;
    private bool _disposed;

    /// <summary>Writes the sheet and plans the camera; takes about a second.</summary>
    /// <param name="options">The clip to make.</param>
    /// <param name="mnist">The MNIST test set, the handwriting.</param>
    public ClipGenerator(ClipOptions options, MnistSet mnist)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        _options = options;
        _size = new Size(options.Width, options.Height);
        var random = new Random(options.Seed);
        _sheet = SheetBuilder.Build(options, mnist, random);
        _path = new CameraPath(options, _sheet.Paper, random);
        _effects = new CameraEffects(options, random);
        _hand = options.Style == ClipStyle.Hard ? new HandOccluder(options, random) : null;
    }

    /// <summary>Gets the options the clip is made from.</summary>
    public ClipOptions Options => _options;

    /// <summary>Gets every digit written on the sheet.</summary>
    public IReadOnlyList<ClipSheetDigit> Digits => _sheet.Digits.Select(d => d.Truth).ToArray();

    /// <summary>Gets every number written on the sheet.</summary>
    public IReadOnlyList<ClipSheetNumber> Numbers => _sheet.Numbers;

    /// <summary>Renders frame <paramref name="index"/> into <paramref name="frame"/> and returns its truth.</summary>
    /// <param name="index">The frame, 0 to FrameCount - 1.</param>
    /// <param name="frame">Receives the 8-bit BGR picture; (re)allocated when its size or type differs.</param>
    /// <returns>Where every visible digit and number is.</returns>
    public ClipFrameTruth Render(int index, Mat frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var seconds = index / _options.Fps;

        var pose = _path.At(index);
        using var homography = pose.Homography(_size);
        Cv2.WarpPerspective(
            _sheet.Canvas,
            frame,
            homography,
            _size,
            InterpolationFlags.Linear,
            BorderTypes.Constant,
            new Scalar(30, 30, 30));
        _hand?.Draw(frame, index);
        var truth = Truth(index, seconds, homography);

        _effects.Light(frame, seconds, _hand?.Tip);
        _effects.Blur(frame, seconds, Motion(index, pose));
        _effects.Degrade(frame, new Random(unchecked((_options.Seed * 1_000_003) + (index * 7919) + 17)));
        return truth;
    }

    /// <summary>Assembles the whole clip's truth from its frames' truths.</summary>
    /// <param name="frames">Every frame's truth, in order.</param>
    /// <param name="video">The video's file name, relative to the truth file.</param>
    /// <returns>The truth document.</returns>
    public ClipTruth CreateTruth(IReadOnlyList<ClipFrameTruth> frames, string video) => new(
        ClipTruth.CurrentVersion,
        _options.Style.ToString().ToLowerInvariant(),
        _options.Seed,
        _options.Width,
        _options.Height,
        _options.Fps,
        frames.Count,
        video,
        Digits,
        Numbers,
        frames,
        _options.Spacing);

    /// <summary>Releases the sheet and the effect buffers. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sheet.Dispose();
        _effects.Dispose();
        _hand?.Dispose();
    }

    private ClipFrameTruth Truth(int index, double seconds, Mat homography)
    {
        var bounds = new Rect(0, 0, _size.Width, _size.Height);
        var digits = new List<ClipDigitTruth>();
        foreach (var digit in _sheet.Digits)
        {
            var corners = Cv2.PerspectiveTransform(digit.Hull, homography);
            var full = Rect.FromLTRB(
                (int)Math.Floor(corners.Min(p => p.X)),
                (int)Math.Floor(corners.Min(p => p.Y)),
                (int)Math.Ceiling(corners.Max(p => p.X)),
                (int)Math.Ceiling(corners.Max(p => p.Y)));
            var visible = full & bounds;
            if (visible.Width <= 0 || visible.Height <= 0)
            {
                continue;
            }

            var ignore = ((double)visible.Width * visible.Height) < MinVisibleFraction * full.Width * full.Height
                || (_hand?.Occlusion(visible) ?? 0) > MaxOccludedFraction;
            digits.Add(new ClipDigitTruth(digit.Truth.Id, digit.Truth.Digit, visible, ignore));
        }

        return new ClipFrameTruth(index, seconds * 1000, digits, NumbersIn(digits));
    }

    private List<ClipNumberTruth> NumbersIn(List<ClipDigitTruth> digits)
    {
        var byId = digits.ToDictionary(d => d.Id);
        var numbers = new List<ClipNumberTruth>();
        foreach (var number in _sheet.Numbers)
        {
            var seen = number.Digits.Where(byId.ContainsKey).Select(id => byId[id]).ToArray();
            if (seen.Length == 0)
            {
                continue;
            }

            var box = seen.Skip(1).Aggregate(seen[0].Box, (union, d) => union | d.Box);
            var ignore = seen.Length < number.Digits.Count || seen.Any(d => d.Ignore);
            numbers.Add(new ClipNumberTruth(number.Id, number.Value, box, ignore));
        }

        return numbers;
    }

    /// <summary>How far the picture moved since the previous frame, in frame pixels.</summary>
    private Point2d Motion(int index, CameraPose pose)
    {
        if (index == 0)
        {
            return new Point2d(0, 0);
        }

        using var previous = _path.At(index - 1).Homography(_size);
        var before = Cv2.PerspectiveTransform([new Point2f((float)pose.X, (float)pose.Y)], previous)[0];
        return new Point2d((_size.Width / 2.0) - before.X, (_size.Height / 2.0) - before.Y);
    }
}
