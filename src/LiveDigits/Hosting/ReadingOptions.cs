using System.CommandLine;
using LiveDigits.App.Running;
using LiveDigits.Capture;

namespace LiveDigits.App.Hosting;

/// <summary>
/// The options every reading command takes (<c>--model</c>, <c>--record</c>, <c>--jsonl</c>,
/// <c>--no-window</c>), declared once; each command gets its own instances.
/// </summary>
public sealed class ReadingOptions
{
    /// <summary>Creates the options.</summary>
    public ReadingOptions()
    {
        Model = CommonOptions.Model("Model to read digits with; default: models/livedigits.onnx.");
        Record = CommonOptions.PathOption(
            "--record", "Write the annotated video to FILE (.mp4 with mp4v, or .avi with MJPG).", "FILE");
        Jsonl = CommonOptions.PathOption(
            "--jsonl", "Write every frame's readings to FILE as JSON Lines, one line per frame.", "FILE");
        NoWindow = new Option<bool>("--no-window") { Description = "Show no window (for scripts and servers)." };
        Engine = CommonOptions.Engine();
    }

    /// <summary>Gets <c>--model</c>.</summary>
    public Option<string?> Model { get; }

    /// <summary>Gets <c>--record</c>.</summary>
    public Option<string?> Record { get; }

    /// <summary>Gets <c>--jsonl</c>.</summary>
    public Option<string?> Jsonl { get; }

    /// <summary>Gets <c>--no-window</c>.</summary>
    public Option<bool> NoWindow { get; }

    /// <summary>Gets <c>--engine</c>.</summary>
    public Option<string> Engine { get; }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Model);
        command.Options.Add(Record);
        command.Options.Add(Jsonl);
        command.Options.Add(NoWindow);
        command.Options.Add(Engine);
    }

    /// <summary>Reads the parsed values into run settings.</summary>
    /// <param name="parsed">The parse result.</param>
    /// <param name="inputs">The files the run reads (the video, each image); the model is added here.</param>
    /// <returns>The settings; the caller adds what depends on the source.</returns>
    /// <exception cref="UsageException">
    /// The options contradict each other, or an output names a file the run reads.
    /// </exception>
    public RunSettings Settings(ParseResult parsed, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(inputs);
        var record = parsed.GetValue(Record);
        var jsonl = parsed.GetValue(Jsonl);

        // Checked here rather than in a parse validator: a validator also runs when a value is missing.
        if (record is not null && jsonl is not null && SameFile.Check(record, jsonl))
        {
            throw new UsageException($"--record and --jsonl name the same file ({record}); give each its own");
        }

        // An output is created (emptied) before the first frame is read, so `--jsonl clip.avi` used to
        // destroy the very video it was asked to read, and `--record models/livedigits.onnx` the model. A link
        // to an input is the same file under another name, so the files are compared, not the names.
        var model = parsed.GetValue(Model);
        string[] read = [.. inputs, model ?? ProjectPaths.DefaultModel];
        foreach (var (option, output) in new[] { ("--record", record), ("--jsonl", jsonl) })
        {
            if (output is not null && read.Any(input => SameFile.Check(input, output)))
            {
                throw new UsageException(
                    $"{option} {output}: is a file this run reads; give the output its own name");
            }
        }

        return new RunSettings
        {
            ModelPath = model,
            Engine = CommonOptions.ParseEngine(parsed.GetValue(Engine)),
            RecordPath = record,
            JsonlPath = jsonl,
            ShowWindow = !parsed.GetValue(NoWindow),
        };
    }
}
