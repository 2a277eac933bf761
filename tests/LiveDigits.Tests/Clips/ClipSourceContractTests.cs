using LiveDigits.Capture;
using LiveDigits.Capture.Clips;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.Clips;

public sealed class ClipSourceContractTests : FrameSourceContract
{
    protected override int FrameCount => 5;

    protected override IFrameSource CreateSource() => new ClipSource(
        new ClipOptions(ClipStyle.Grid, Seed: 4, FrameCount: 5, Width: 320, Height: 240),
        () => TestData.MnistTest);

    protected override int OpenCount(IFrameSource source) => ((ClipSource)source).OpenCount;
}
