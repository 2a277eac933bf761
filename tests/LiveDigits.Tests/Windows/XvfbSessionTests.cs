namespace LiveDigits.Tests.Windows;

public sealed class XvfbSessionTests
{
    [Fact]
    public void Start_ThenDispose_ServesADisplayWithAWindowManagerThenStops()
    {
        string display;
        string? geometry;
        string? windowManager;
        using (var session = XvfbSession.Start(width: 800, height: 600))
        {
            display = session.Display;
            geometry = session.TryTool("xdotool", "getdisplaygeometry");
            windowManager = session.TryTool("xprop", "-root", "_NET_SUPPORTING_WM_CHECK");
        }

        Assert.Equal("800 600", geometry);
        Assert.Contains("window id", windowManager, StringComparison.Ordinal);
        Assert.False(File.Exists($"/tmp/.X11-unix/X{display.TrimStart(':')}"), $"{display} still served");
    }

    [Fact]
    public void Start_TwoSessions_GetDifferentDisplays()
    {
        using var first = XvfbSession.Start(width: 320, height: 240);
        using var second = XvfbSession.Start(width: 320, height: 240);

        Assert.NotEqual(first.Display, second.Display);
        Assert.NotNull(second.TryTool("xdpyinfo"));
    }
}
