using System.Text;
using LiveDigits.Pipeline.Readings;

namespace LiveDigits.Overlay.Output;

/// <summary>
/// Writes one JSON line per frame (<see cref="ReadingsJsonl"/>), flushed after every line so that the file
/// is valid up to the last frame whenever the run stops. A failed write (disk full) cuts the file back to
/// its last whole line and stops writing; the run goes on. The file may be a pipe or a terminal
/// (<c>/dev/stdout</c>, a named pipe), which cannot seek: its length is counted, never asked.
/// </summary>
public sealed class ReadingsJsonlWriter : IDisposable
{
    // How a full disk shows in IOException.HResult: ENOSPC on Linux and macOS, ERROR_DISK_FULL and
    // ERROR_HANDLE_DISK_FULL as HRESULTs on Windows.
    private const int DiskFullErrno = 28;
    private const int DiskFullWin32 = unchecked((int)0x80070070);
    private const int HandleDiskFullWin32 = unchecked((int)0x80070027);

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _stream;
    private long _wholeLength;
    private bool _disposed;

    /// <summary>Creates (or replaces) the file.</summary>
    /// <param name="path">The JSON Lines file.</param>
    /// <exception cref="OutputException">The file cannot be created.</exception>
    public ReadingsJsonlWriter(string path)
    {
        OutputPaths.CheckWritable(path);
        Path = path;
        try
        {
            // Unbuffered: each line goes to the OS as it is written, and a failed write leaves no half line behind.
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: cannot be created ({e.Message})", e);
        }
    }

    /// <summary>Gets the file.</summary>
    public string Path { get; }

    /// <summary>Gets how many lines are in the file.</summary>
    public long LinesWritten { get; private set; }

    /// <summary>Gets why writing stopped early (such as a full disk); null while all is well.</summary>
    public string? Failure { get; private set; }

    /// <summary>Appends one frame's readings and flushes it to the file.</summary>
    /// <param name="readings">The frame's readings.</param>
    /// <returns>False when the line could not be written (see <see cref="Failure"/>).</returns>
    public bool Write(FrameReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Failure is not null)
        {
            return false;
        }

        var bytes = s_utf8.GetBytes(ReadingsJsonl.ToLine(readings) + "\n");
        try
        {
            _stream.Write(bytes);
            _stream.Flush();
            _wholeLength += bytes.Length;
            LinesWritten++;
            return true;
        }
        catch (IOException e)
        {
            Failure = $"{Path}: writing stopped after {LinesWritten} lines ({Reason(e)}); " +
                $"those {LinesWritten} lines are complete";
            CutToWholeLines();
            return false;
        }
    }

    /// <summary>Flushes and closes the file. Safe to call more than once; never throws.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // Every whole line was flushed when written; a failing close loses nothing more.
        }
    }

    private static string Reason(IOException e) =>
        // .NET's own text ("No space left on device : 'FILE'") names the file a second time.
        e.HResult is DiskFullErrno or DiskFullWin32 or HandleDiskFullWin32 ? "the disk is full" : e.Message;

    private void CutToWholeLines()
    {
        // What went into a pipe has already gone to its reader; there is nothing to cut back.
        if (!_stream.CanSeek)
        {
            return;
        }

        try
        {
            _stream.SetLength(_wholeLength);
        }
        catch (IOException)
        {
            // Shrinking needs no space and seldom fails; if it does, a reader skips the half line at the end.
        }
    }
}
