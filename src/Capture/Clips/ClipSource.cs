using LiveDigits.Capture.Mnist;
using LiveDigits.Capture.Sources;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// A generated clip as a frame source: frames are rendered on demand on the source's capture thread, as
/// fast as the subscriber takes them. Not live: every frame is delivered, in order.
/// </summary>
public sealed class ClipSource : IFrameSource
{
    private readonly ClipOptions _options;
    private readonly Func<MnistSet> _mnist;
    private readonly FramePump _pump;

    /// <summary>Creates the source; nothing is rendered until someone subscribes.</summary>
    /// <param name="options">The clip to render.</param>
    /// <param name="mnist">Supplies the MNIST test set when a subscription starts (it may fetch it).</param>
    public ClipSource(ClipOptions options, Func<MnistSet> mnist)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        _options = options;
        _mnist = mnist;
        _pump = new FramePump(Name, () => new Cursor(new ClipGenerator(_options, _mnist())));
    }

    /// <inheritdoc/>
    public string Name => $"clip {_options.Style.ToString().ToLowerInvariant()} seed {_options.Seed}";

    /// <inheritdoc/>
    public bool IsLive => false;

    /// <summary>Gets how many subscriptions hold a generator right now.</summary>
    public int OpenCount => _pump.OpenCount;

    /// <inheritdoc/>
    public IObservable<Frame> Frames() => _pump.Frames();

    /// <summary>One subscription's generator, rendering the next frame on each call.</summary>
    private sealed class Cursor(ClipGenerator generator) : IFrameCursor
    {
        private int _next;

        public Frame? Next(CancellationToken cancellation)
        {
            var options = generator.Options;
            if (_next >= options.FrameCount)
            {
                return null;
            }

            var image = new Mat();
            try
            {
                generator.Render(_next, image);
            }
            catch
            {
                image.Dispose();
                throw;
            }

            var frame = new Frame(_next, TimeSpan.FromSeconds(_next / options.Fps), image);
            _next++;
            return frame;
        }

        public void Dispose() => generator.Dispose();
    }
}
