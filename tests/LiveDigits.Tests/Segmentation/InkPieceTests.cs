using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class InkPieceTests
{
    private const int MinHeight = 8;
    private const double MaxHeight = 400;

    [Fact]
    public void MergeGroups_ThreePiecesStacked_TwoPairsThenTheCluster()
    {
        InkPiece[] stacked = [Piece(1, 10, 10), Piece(2, 10, 20), Piece(3, 10, 30)];

        var groups = InkPiece.MergeGroups(stacked, MinHeight, MaxHeight, maxGroups: 3);

        Assert.Equal([[1, 2], [2, 3], [1, 2, 3]], Labels(groups));
    }

    [Fact]
    public void MergeGroups_AsManyPairsAsGroupsWanted_NoClusterAfterThem()
    {
        InkPiece[] stacked = [Piece(1, 10, 10), Piece(2, 10, 20), Piece(3, 10, 30)];

        var groups = InkPiece.MergeGroups(stacked, MinHeight, MaxHeight, maxGroups: 2);

        Assert.Equal([[1, 2], [2, 3]], Labels(groups));
    }

    [Fact]
    public void MergeGroups_MorePairsThanGroupsWanted_TheFirstPairsFromTheLeftAsWithoutTheLimit()
    {
        // Texture: forty columns of two stacked pieces, given right to left.
        var pieces = Enumerable.Range(0, 40)
            .Reverse()
            .SelectMany(c => new[] { Piece((2 * c) + 1, 20 * c, 10), Piece((2 * c) + 2, 20 * c, 20) })
            .ToList();

        var limited = InkPiece.MergeGroups(pieces, MinHeight, MaxHeight, maxGroups: 5);
        var all = InkPiece.MergeGroups(pieces, MinHeight, MaxHeight, maxGroups: int.MaxValue);

        Assert.Equal(40, all.Count);
        Assert.Equal([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]], Labels(limited));
        Assert.Equal(Labels(all.Take(5).ToList()), Labels(limited));
    }

    private static InkPiece Piece(int label, int x, int y) => new(label, new Rect(x, y, 10, 8), -1);

    private static int[][] Labels(List<List<InkPiece>> groups) =>
        [.. groups.Select(g => g.Select(p => p.Label).ToArray())];
}
