using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>One digit on the canvas: its truth and the outline of its ink in canvas pixels.</summary>
internal sealed record SheetDigit(ClipSheetDigit Truth, Point2f[] Hull, Rect Box);
