using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>Surfaces made of seeded noise: the desk, the paper, pencil grain and sensor noise.</summary>
internal static class Textures
{
    /// <summary>
    /// Fills a new single-channel float Mat with smooth noise: random values on a coarse grid, scaled
    /// up with cubic interpolation, spread about 0 with the given amplitude.
    /// </summary>
    public static Mat SmoothNoise(Size size, int cellsX, int cellsY, double amplitude, Random random)
    {
        var values = new float[cellsX * cellsY];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((random.NextDouble() * 2) - 1) * amplitude);
        }

        using var coarse = new Mat(cellsY, cellsX, MatType.CV_32FC1);
        coarse.SetArray(values);
        var smooth = new Mat();
        Cv2.Resize(coarse, smooth, size, 0, 0, InterpolationFlags.Cubic);
        return smooth;
    }

    /// <summary>Fills a new single-channel float Mat with Gaussian grain, seeded from our generator.</summary>
    public static Mat Grain(Size size, double sigma, Random random)
    {
        // OpenCV's per-thread generator is fast; seeding it right before use keeps the result a
        // function of our seed alone.
        Cv2.SetTheRNG((ulong)random.NextInt64(1, long.MaxValue));
        var grain = new Mat(size, MatType.CV_32FC1);
        Cv2.Randn(grain, new Scalar(0), new Scalar(sigma));
        return grain;
    }

    /// <summary>Paints <paramref name="variation"/> (one channel, float) about a colour into a new BGR image.</summary>
    public static Mat Colourise(Mat variation, Scalar colour)
    {
        using var variation3 = new Mat();
        Cv2.CvtColor(variation, variation3, ColorConversionCodes.GRAY2BGR);
        using var sum = new Mat(variation.Size(), MatType.CV_32FC3, colour);
        Cv2.Add(sum, variation3, sum);
        var image = new Mat();
        sum.ConvertTo(image, MatType.CV_8UC3);
        return image;
    }

    /// <summary>A desk: wood, grey laminate or a dark mat, with broad blotches and grain streaks.</summary>
    public static Mat Desk(Size size, Random random)
    {
        Scalar[] colours = [new(62, 98, 140), new(112, 112, 108), new(52, 50, 56), new(90, 120, 150)];
        var colour = colours[random.Next(colours.Length)];

        // The desk is mostly out of focus at the frame's edge: half resolution is plenty, and keeps the
        // float scratch images of a large canvas small.
        var half = new Size((size.Width + 1) / 2, (size.Height + 1) / 2);
        using var blotches = SmoothNoise(half, 10, 8, 18, random);
        using var streaks = SmoothNoise(half, 6, Math.Max(8, half.Height / 12), 10, random);
        using var grain = Grain(half, 3, random);
        Cv2.Add(blotches, streaks, blotches);
        Cv2.Add(blotches, grain, blotches);
        using var small = Colourise(blotches, colour);
        var desk = new Mat();
        Cv2.Resize(small, desk, size, 0, 0, InterpolationFlags.Linear);
        return desk;
    }

    /// <summary>Paper: off-white with a slight tint, cloudy variation and fine fibre grain.</summary>
    public static Mat Paper(Size size, Random random)
    {
        var white = 238 + (random.NextDouble() * 12);
        var colour = new Scalar(
            white + ((random.NextDouble() - 0.6) * 10),
            white + ((random.NextDouble() - 0.5) * 6),
            white + ((random.NextDouble() - 0.4) * 6));
        using var cloud = SmoothNoise(size, 14, 10, 4, random);
        using var fibre = SmoothNoise(size, size.Width / 6, size.Height / 6, 2.5, random);
        using var grain = Grain(size, 2.2, random);
        Cv2.Add(cloud, fibre, cloud);
        Cv2.Add(cloud, grain, cloud);
        return Colourise(cloud, colour);
    }
}
