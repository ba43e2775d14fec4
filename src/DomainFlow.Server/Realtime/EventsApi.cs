using System.Net.Sockets;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Events;
using DomainFlow.Core.Users;
using DomainFlow.Server.Api;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Server.Realtime;

/// <summary>Live events over SSE (one campaign or all) and WebSocket (subscribe/unsubscribe messages): same JSON payloads.</summary>
public static class EventsApi
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id:guid}/events", CampaignStreamAsync).WithTags("Events").Produces(200, contentType: "text/event-stream").RequireCampaignAccess();
        api.MapGet("/events", (Caller caller, EventHub hub, StreamAuthorization authorization, CampaignStore campaigns, TimeProvider clock, CancellationToken ct) =>
            TypedResults.ServerSentEvents(StreamAsync(hub.Subscribe(caller.Viewer, null, everything: true), authorization.For(caller), ActiveSnapshotsAsync(caller.Viewer, campaigns, clock, ct), clock, ct)))
            .WithTags("Events").Produces(200, contentType: "text/event-stream");
        api.MapGet("/ws", WebSocketAsync).WithTags("Events");
        return api;
    }

    private static async Task<IResult> CampaignStreamAsync(Guid id, Caller caller, EventHub hub, StreamAuthorization authorization, CampaignStore campaigns, TimeProvider clock, CancellationToken ct)
    {
        // Subscribe before reading the snapshot so nothing that happens in between is missed.
        var subscription = hub.Subscribe(caller.Viewer, id, everything: false);
        if (await campaigns.GetAsync(id, ct) is not { } campaign)
        {
            subscription.Dispose();
            return Problems.NotFound("The campaign");
        }
        return TypedResults.ServerSentEvents(StreamAsync(subscription, authorization.For(caller), One(Snapshot(campaign, clock)), clock, ct));
    }

    private static async IAsyncEnumerable<SseItem<CampaignEventDto>> StreamAsync(
        EventHub.Subscription subscription, StreamAuthorization.Check authorization, IAsyncEnumerable<CampaignEventDto> snapshots, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = subscription;
        var sentSomething = false;
        await foreach (var snapshot in snapshots)
        {
            sentSomething = true;
            yield return Item(snapshot);
        }
        if (!sentSomething)
        {
            // Nothing to snapshot: a first event still goes out at once so the client knows the stream is live.
            yield return Item(new CampaignEventDto(CampaignEventType.Keepalive, null, null, null, null, clock.GetUtcNow()));
        }
        while (await NextAsync(subscription, authorization, clock, ct) is { } next)
        {
            yield return Item(next);
        }
    }

    /// <summary>
    /// The next event, or a keepalive after <see cref="KeepAlive"/> of silence; null when the stream must end because the
    /// client left or the credential it was opened with has ended (logout, revocation, disabled account).
    /// </summary>
    private static async Task<CampaignEventDto?> NextAsync(EventHub.Subscription subscription, StreamAuthorization.Check authorization, TimeProvider clock, CancellationToken ct)
    {
        var silentSince = clock.GetUtcNow();
        try
        {
            while (true)
            {
                CampaignEventDto? next = null;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    wait.CancelAfter(StreamAuthorization.Interval);
                    try
                    {
                        next = await subscription.Queue.Reader.ReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                    }
                }
                if (!await authorization.StillValidAsync(ct))
                {
                    return null;
                }
                if (next is not null)
                {
                    return next;
                }
                if (clock.GetUtcNow() - silentSince >= KeepAlive)
                {
                    return new CampaignEventDto(CampaignEventType.Keepalive, null, null, null, null, clock.GetUtcNow());
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    private static SseItem<CampaignEventDto> Item(CampaignEventDto e) => new(e, WireNames.ToWire(e.Type));

    private static CampaignEventDto Snapshot(Campaign campaign, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new CampaignEventDto(CampaignEventType.Snapshot, campaign.Id, null, CampaignDto.From(campaign, now), null, now);
    }

    private static async IAsyncEnumerable<CampaignEventDto> One(CampaignEventDto e)
    {
        await Task.CompletedTask;
        yield return e;
    }

    /// <summary>For the all-campaigns stream: a snapshot of every campaign that is running or paused.</summary>
    private static async IAsyncEnumerable<CampaignEventDto> ActiveSnapshotsAsync(Viewer viewer, CampaignStore campaigns, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var status in new[] { CampaignStatus.Running, CampaignStatus.Paused })
        {
            string? cursor = null;
            do
            {
                var page = await campaigns.ListAsync(null, status, CampaignsApi.MaxPageSize, cursor, viewer, ct);
                foreach (var campaign in page.Items)
                {
                    yield return Snapshot(campaign, clock);
                }
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
    }

    /// <summary>Client messages: {"type":"subscribe"|"unsubscribe","campaignId":"&lt;id&gt;"|"*"}.</summary>
    private sealed record WsCommand(string? Type, string? CampaignId);

    private static async Task<IResult> WebSocketAsync(HttpContext http, Caller caller, EventHub hub, StreamAuthorization authorization, CampaignStore campaigns, TimeProvider clock, ILoggerFactory logs)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(Problems.Create(400, "websocket_required", "WebSocket upgrade required", "Connect with a WebSocket client."));
        }
        if (caller.ViaSession && !SameOrigin(http))
        {
            // Browsers send cookies with cross-site WebSocket handshakes and no CSRF header can ride along: check Origin.
            return TypedResults.Problem(Problems.Create(403, "cross_origin", "Forbidden", "WebSocket connections must come from this server's own pages."));
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var subscription = hub.Subscribe(caller.Viewer, null, everything: false);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var send = new SemaphoreSlim(1, 1);
        var sender = PumpAsync(socket, subscription, authorization.For(caller), send, clock, done.Token);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, done.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await done.CancelAsync();
                    await sender.ContinueWith(_ => { }, TaskScheduler.Default);
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", http.RequestAborted);
                    break;
                }
                if (!result.EndOfMessage)
                {
                    await SendAsync(socket, send, Error("Messages must fit in 4 KiB."), done.Token);
                    continue;
                }
                await HandleAsync(buffer.AsMemory(0, result.Count), socket, subscription, send, campaigns, clock, done.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or SocketException)
        {
            logs.CreateLogger("DomainFlow.WebSocket").LogDebug(e, "WebSocket closed");
        }
        finally
        {
            await done.CancelAsync();
            await sender.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return Results.Empty;
    }

    private static async Task HandleAsync(ReadOnlyMemory<byte> message, WebSocket socket, EventHub.Subscription subscription, SemaphoreSlim send, CampaignStore campaigns, TimeProvider clock, CancellationToken ct)
    {
        WsCommand? command;
        try
        {
            command = JsonSerializer.Deserialize<WsCommand>(message.Span, DomainFlowJson.Options);
        }
        catch (JsonException)
        {
            command = null;
        }
        var everything = command?.CampaignId == "*";
        Guid id = default;
        if (command is null || command.Type is not ("subscribe" or "unsubscribe") || (!everything && !Guid.TryParse(command.CampaignId, out id)))
        {
            await SendAsync(socket, send, Error("Send {\"type\":\"subscribe\"|\"unsubscribe\",\"campaignId\":\"<id>\"|\"*\"}."), ct);
            return;
        }
        if (command.Type == "unsubscribe")
        {
            if (everything)
            {
                subscription.Everything = false;
            }
            subscription.CampaignIds.TryRemove(id, out _);
            return;
        }
        if (everything)
        {
            subscription.Everything = true;
            await foreach (var snapshot in ActiveSnapshotsAsync(subscription.Viewer, campaigns, clock, ct))
            {
                await SendAsync(socket, send, snapshot, ct);
            }
            return;
        }
        subscription.CampaignIds.TryAdd(id, 0);
        if (await campaigns.GetAsync(id, ct) is { } campaign && subscription.Viewer.CanSee(campaign.OwnerId))
        {
            await SendAsync(socket, send, Snapshot(campaign, clock), ct);
        }
        else
        {
            subscription.CampaignIds.TryRemove(id, out _);
            await SendAsync(socket, send, Error($"Campaign {id} does not exist."), ct);
        }
    }

    private static async Task PumpAsync(WebSocket socket, EventHub.Subscription subscription, StreamAuthorization.Check authorization, SemaphoreSlim send, TimeProvider clock, CancellationToken ct)
    {
        while (await NextAsync(subscription, authorization, clock, ct) is { } next)
        {
            await SendAsync(socket, send, next, ct);
        }
        if (!ct.IsCancellationRequested)
        {
            await send.WaitAsync(ct);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "signed out", ct);
            }
            finally
            {
                send.Release();
            }
        }
    }

    /// <summary>A missing Origin (a non-browser client) passes; a browser's must name this very server.</summary>
    private static bool SameOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                && uri.Scheme == http.Request.Scheme);
    }

    private static object Error(string message) => new { type = "error", detail = message };

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim send, object payload, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), DomainFlowJson.Options);
        await send.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            send.Release();
        }
    }
}
