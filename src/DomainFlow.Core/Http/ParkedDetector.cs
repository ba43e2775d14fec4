namespace DomainFlow.Core.Http;

/// <summary>
/// Recognises parked and for-sale placeholder pages from their wording, the parking services they load, and how
/// little else they say. Each signal has a weight; the confidence is 1 − Π(1 − weight), parked from 0.5 up.
/// </summary>
public static class ParkedDetector
{
    private static readonly (string Phrase, double Weight)[] Phrases =
    [
        ("this domain is for sale", 0.6), ("domain is for sale", 0.5), ("buy this domain", 0.6), ("this domain may be for sale", 0.6),
        ("make an offer on this domain", 0.6), ("domain parking", 0.4), ("parked free", 0.6), ("this web page is parked", 0.8),
        ("this domain has been registered", 0.3), ("related searches", 0.3), ("sponsored listings", 0.3), ("inquire about this domain", 0.5),
        ("the domain owner", 0.2), ("coming soon", 0.15), ("under construction", 0.15),
    ];

    private static readonly (string Marker, double Weight)[] Providers =
    [
        ("sedoparking.com", 0.8), ("parkingcrew.net", 0.8), ("bodis.com", 0.7), ("above.com", 0.5), ("dan.com", 0.5), ("afternic.com", 0.6),
        ("hugedomains.com", 0.7), ("parklogic.com", 0.8), ("domainmarket.com", 0.6), ("sav.com/domain", 0.5), ("window.park", 0.6),
    ];

    public static ParkedVerdict Assess(string? title, string text, string html)
    {
        var signals = new List<string>();
        var notParked = 1.0;
        var haystack = $"{title} {text}";
        foreach (var (phrase, weight) in Phrases)
        {
            if (haystack.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                signals.Add($"says \"{phrase}\"");
                notParked *= 1 - weight;
            }
        }
        foreach (var (marker, weight) in Providers)
        {
            if (html.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                signals.Add($"loads {marker}");
                notParked *= 1 - weight;
            }
        }
        // Thin pages only add to other signals: many real sites have little text too.
        if (signals.Count > 0 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 60)
        {
            signals.Add("fewer than 60 words");
            notParked *= 0.7;
        }
        var confidence = Math.Round(1 - notParked, 3);
        return new ParkedVerdict(confidence >= 0.5, confidence, signals);
    }
}
