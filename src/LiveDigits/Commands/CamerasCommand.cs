using System.CommandLine;
using LiveDigits.App.Hosting;
using LiveDigits.Capture.Sources;

namespace LiveDigits.App.Commands;

/// <summary><c>livedigits cameras</c>: lists the cameras that open and deliver a frame.</summary>
public static class CamerasCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its action.</returns>
    public static Command Create()
    {
        var command = new Command("cameras", "List the cameras that can be opened, with their index for --index.");
        command.SetAction((_, _) => UserErrors.RunAsync(() =>
        {
            var backends = CameraBackends.Describe(CameraBackends.ForThisPlatform());
            var found = CameraProbe.List();
            if (found.Count == 0)
            {
                Console.Out.WriteLine($"no camera could be opened (tried indexes 0-9 with {backends})");
                return Task.FromResult(ExitCodes.Success);
            }

            foreach (var camera in found)
            {
                Console.Out.WriteLine(
                    $"camera {camera.Index}: {camera.Width}x{camera.Height} ({CameraBackends.NameOf(camera.Backend)})");
            }

            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
