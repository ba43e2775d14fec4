using System.Collections.Concurrent;
using System.Threading.Channels;
using DomainFlow.Core.Users;

namespace DomainFlow.Server.Realtime;

/// <summary>
/// Fans events out to connected SSE and WebSocket clients. Each subscriber has a small bounded queue that drops
/// its oldest entries when the client is slow: a client can always recover the state from a fresh snapshot.
/// </summary>
public sealed class EventHub
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public int SubscriberCount => _subscriptions.Count;

    /// <summary>
    /// Subscribes <paramref name="viewer"/> to one campaign's events, or to every campaign they may see when
    /// <paramref name="everything"/> is set.
    /// </summary>
    public Subscription Subscribe(Viewer viewer, Guid? campaignId, bool everything)
    {
        var subscription = new Subscription(this, viewer, everything);
        if (campaignId is { } id)
        {
            subscription.CampaignIds.TryAdd(id, 0);
        }
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Delivers the event to subscribers who asked for it and may see the campaign of <paramref name="ownerId"/>.</summary>
    public void Publish(CampaignEventDto e, Guid? ownerId)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.Wants(e, ownerId))
            {
                subscription.Queue.Writer.TryWrite(e);
            }
        }
    }

    public sealed class Subscription : IDisposable
    {
        private readonly EventHub _hub;

        internal Subscription(EventHub hub, Viewer viewer, bool everything)
        {
            _hub = hub;
            Viewer = viewer;
            Everything = everything;
        }

        public Viewer Viewer { get; }

        /// <summary>Every campaign's events (the /events stream, or a WebSocket subscribed to "*").</summary>
        public bool Everything { get; set; }

        public ConcurrentDictionary<Guid, byte> CampaignIds { get; } = new();

        public Channel<CampaignEventDto> Queue { get; } = Channel.CreateBounded<CampaignEventDto>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        internal bool Wants(CampaignEventDto e, Guid? ownerId) =>
            Viewer.CanSee(ownerId) && (Everything || (e.CampaignId is { } id && CampaignIds.ContainsKey(id)));

        public void Dispose()
        {
            _hub._subscriptions.TryRemove(this, out _);
            Queue.Writer.TryComplete();
        }
    }
}
