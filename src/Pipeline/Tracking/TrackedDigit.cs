using OpenCvSharp;

namespace LiveDigits.Pipeline.Tracking;

/// <summary>A track's state after a frame: its identity, where it is now, and its voted reading.</summary>
/// <param name="Id">The identity, kept while the candidate stays in view.</param>
/// <param name="Box">The box of this frame's observation, in source-frame pixels.</param>
/// <param name="Winner">The voted class: a digit 0-9, or 10 for "not a digit".</param>
/// <param name="Digit">The voted digit 0-9, even where "not a digit" wins.</param>
/// <param name="Confidence">The mean probability of <paramref name="Digit"/> over the vote.</param>
/// <param name="Confirmed">Whether the track has been seen often enough to be reported.</param>
public sealed record TrackedDigit(long Id, Rect Box, int Winner, int Digit, double Confidence, bool Confirmed);
