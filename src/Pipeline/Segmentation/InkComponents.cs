using OpenCvSharp;

namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// Labels the connected pieces of an ink mask and measures each piece's box and area: the same labels,
/// boxes and areas as OpenCV's <c>connectedComponentsWithStats</c> (8-connectivity), at a third of its cost.
/// </summary>
/// <remarks>
/// OpenCV's statistics pass visits every pixel of the frame, the paper included, and on a 720p frame it
/// cost 6 ms of CPU against 0.7 ms for the labels alone (docs/PERFORMANCE.md, 4 December 2026). Ink covers
/// a few percent of a page, so the boxes are measured here from the runs of labelled pixels, skipping the
/// paper with a vectorised search. The labelling call is the same algorithm OpenCV's statistics call
/// uses, so the label numbers are the same too. The same pass notes each piece's first pixel in reading
/// order, where a piece's label can be read in another image without searching its box.
/// </remarks>
internal static class InkComponents
{
    /// <summary>Labels the pieces of a mask.</summary>
    /// <param name="binary">The 8-bit mask, non-zero for ink.</param>
    /// <param name="labels">Receives the 32-bit label of every pixel, 0 for the background.</param>
    /// <returns>
    /// Each label's box, pixel count and first pixel (topmost row, leftmost in it), index 0 being the
    /// background (left empty).
    /// </returns>
    public static (Rect[] Boxes, int[] Areas, Point[] Firsts) Label(Mat binary, Mat labels)
    {
        var count = Cv2.ConnectedComponents(binary, labels, PixelConnectivity.Connectivity8);
        var (left, top, right, bottom) = (new int[count], new int[count], new int[count], new int[count]);
        var areas = new int[count];
        var firsts = new Point[count];
        Array.Fill(left, int.MaxValue);
        Array.Fill(top, int.MaxValue);

        var (rows, cols) = (labels.Rows, labels.Cols);
        var all = labels.AsSpan<int>();
        for (var y = 0; y < rows; y++)
        {
            var row = all.Slice(y * cols, cols);
            var x = row.IndexOfAnyExcept(0);
            while (x >= 0)
            {
                var label = row[x];
                var start = x;
                while (x < cols && row[x] == label)
                {
                    x++;
                }

                if (areas[label] == 0)
                {
                    firsts[label] = new Point(start, y);
                }

                left[label] = Math.Min(left[label], start);
                right[label] = Math.Max(right[label], x - 1);
                top[label] = Math.Min(top[label], y);
                bottom[label] = y;
                areas[label] += x - start;

                var next = x < cols ? row[x..].IndexOfAnyExcept(0) : -1;
                x = next < 0 ? -1 : x + next;
            }
        }

        var boxes = new Rect[count];
        for (var label = 1; label < count; label++)
        {
            boxes[label] = new Rect(
                left[label],
                top[label],
                right[label] - left[label] + 1,
                bottom[label] - top[label] + 1);
        }

        return (boxes, areas, firsts);
    }
}
