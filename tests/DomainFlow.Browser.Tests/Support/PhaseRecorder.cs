using System.Text.Json;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests.Support;

/// <summary>
/// Watches a phase card inside the page (a MutationObserver) and remembers every status and
/// processed count it showed, so a test can prove the page changed live, not only where it ended.
/// The record lives in the page itself: reading it after a reload fails, so it also proves there was none.
/// </summary>
public sealed class PhaseRecorder
{
    private const string Install = """
        (phase) => {
          const seen = { statuses: [], processed: [], states: [] };
          window.__phaseRecorder = seen;
          const read = () => {
            const status = document.querySelector(`[data-testid="phase-status-${phase}"]`)?.getAttribute('data-status');
            if (status && seen.statuses.at(-1) !== status) seen.statuses.push(status);
            const value = document.querySelector(`[data-testid="phase-processed-${phase}"]`)?.getAttribute('data-value');
            if (value != null && seen.processed.at(-1) !== Number(value)) seen.processed.push(Number(value));
            // Status and count together: "running at 40 of 300" is what a live page shows between start and end.
            const last = seen.states.at(-1);
            if (status && value != null && (last?.status !== status || last?.processed !== Number(value)))
              seen.states.push({ status, processed: Number(value) });
          };
          read();
          new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    private readonly IPage _page;

    private PhaseRecorder(IPage page) => _page = page;

    public static async Task<PhaseRecorder> StartAsync(IPage page, string phase)
    {
        await page.EvaluateAsync(Install, phase);
        return new PhaseRecorder(page);
    }

    /// <summary>The distinct statuses shown, in order (consecutive repeats collapsed).</summary>
    public async Task<IReadOnlyList<string>> StatusesAsync() =>
        (await _page.EvaluateAsync<JsonElement>("() => window.__phaseRecorder.statuses")).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The processed counts shown, in order.</summary>
    public async Task<IReadOnlyList<long>> ProcessedAsync() =>
        (await _page.EvaluateAsync<JsonElement>("() => window.__phaseRecorder.processed")).EnumerateArray().Select(e => e.GetInt64()).ToList();

    /// <summary>Every (status, processed) pair shown, in order (consecutive repeats collapsed).</summary>
    public async Task<IReadOnlyList<(string Status, long Processed)>> StatesAsync() =>
        (await _page.EvaluateAsync<JsonElement>("() => window.__phaseRecorder.states")).EnumerateArray()
            .Select(e => (e.GetProperty("status").GetString()!, e.GetProperty("processed").GetInt64())).ToList();
}
