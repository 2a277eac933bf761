namespace LiveDigits.Tests;

/// <summary>Owns a list of disposables for the length of a test.</summary>
internal sealed class Disposables<T>(IReadOnlyList<T> items) : IDisposable
    where T : IDisposable
{
    public IReadOnlyList<T> Items { get; } = items;

    public void Dispose()
    {
        foreach (var item in Items)
        {
            item.Dispose();
        }
    }
}
