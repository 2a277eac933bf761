using System.Reactive.Linq;
using LiveDigits.Capture.Mnist;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// A generated clip as a frame source: frames are rendered on demand, on a pool thread, as fast as the
/// subscriber takes them. Not live: every frame is delivered, in order.
/// </summary>
public sealed class ClipSource : IFrameSource
{
    private readonly ClipOptions _options;
    private readonly Func<MnistSet> _mnist;

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
    }

    /// <inheritdoc/>
    public string Name => $"clip {_options.Style.ToString().ToLowerInvariant()} seed {_options.Seed}";

    /// <inheritdoc/>
    public bool IsLive => false;

    /// <inheritdoc/>
    public IObservable<Frame> Frames() => Observable.Create<Frame>((observer, cancel) => Task.Run(
        () =>
        {
            using var generator = new ClipGenerator(_options, _mnist());
            for (var i = 0; i < _options.FrameCount && !cancel.IsCancellationRequested; i++)
            {
                var image = new Mat();
                try
                {
                    generator.Render(i, image);
                }
                catch
                {
                    image.Dispose();
                    throw;
                }

                observer.OnNext(new Frame(i, TimeSpan.FromSeconds(i / _options.Fps), image));
            }

            // Observable.Create completes the sequence when this task ends, and fails it if it throws.
        },
        cancel));
}
