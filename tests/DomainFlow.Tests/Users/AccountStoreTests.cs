using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Store.Audit;
using DomainFlow.Store.Security;
using DomainFlow.Store.Users;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Users;

/// <summary>Accounts, sessions, tokens, setup tokens, audit and key ring on both engines.</summary>
public sealed class AccountStoreTests
{
    // Hashing at cost 12 takes a quarter of a second; these tests only need a stored string.
    private const string SomeHash = "not-a-real-hash";

    private static UserStore.NewUser NewUser(string email, UserRole role = UserRole.User) => new(email, email.Split('@')[0], role, SomeHash);

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Emails_are_unique_and_found_case_insensitively(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var users = new UserStore(db.Database);

        var created = await users.CreateAsync(NewUser("Ada@Example.test"));
        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => users.CreateAsync(NewUser("ada@EXAMPLE.test")));

        Assert.Equal("Ada@Example.test", created.Email);
        Assert.Equal(created.Id, (await users.FindByEmailAsync(" ADA@example.TEST "))!.Id);
        Assert.Contains("email", duplicate.Errors.ToDictionary().Keys);
        Assert.Equal(1, await users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Each_lockout_lasts_twice_as_long_until_a_successful_login_resets_it(string engine)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(engine, clock);
        var users = new UserStore(db.Database);
        var policy = new LockoutPolicy { MaxFailures = 3, FirstLock = TimeSpan.FromMinutes(1), MaxLock = TimeSpan.FromMinutes(3) };
        var user = await users.CreateAsync(NewUser("bob@example.test"));
        DateTimeOffset In(int minutes) => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().AddMinutes(minutes).ToUnixTimeMilliseconds());

        async Task<DateTimeOffset?> FailTimes(int n)
        {
            DateTimeOffset? locked = null;
            for (var i = 0; i < n; i++)
            {
                locked = await users.RecordFailedLoginAsync(user.Id, policy) ?? locked;
            }
            return locked;
        }

        Assert.Null(await FailTimes(2));
        Assert.Equal(In(1), await FailTimes(1));
        Assert.Equal(In(2), await FailTimes(3));
        Assert.Equal(In(3), await FailTimes(3)); // capped at MaxLock
        Assert.Equal(In(3), (await users.FindLoginAsync("bob@example.test"))!.LockedUntil);

        await users.RecordLoginAsync(user.Id);

        Assert.Null((await users.FindLoginAsync("bob@example.test"))!.LockedUntil);
        Assert.Equal(In(1), await FailTimes(3));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_setup_token_creates_the_first_admin_once(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var users = new UserStore(db.Database);
        var setup = new SetupTokenStore(db.Database);
        var token = await setup.IssueAsync(TimeSpan.FromHours(1));
        var otherNodesToken = await setup.IssueAsync(TimeSpan.FromHours(1));

        Assert.Null(await users.CreateFirstAdminAsync(NewUser("x@example.test"), SecretToken.HashOf("setup_wrong")));
        var admin = await users.CreateFirstAdminAsync(NewUser("root@example.test", UserRole.User), SecretToken.HashOf(token));
        var again = await users.CreateFirstAdminAsync(NewUser("late@example.test"), SecretToken.HashOf(otherNodesToken));

        Assert.Equal(UserRole.Admin, admin!.Role);
        Assert.Null(again);
        Assert.Equal(1, await users.CountAsync());
        Assert.Equal(0, await db.ScalarAsync("SELECT count(*) FROM setup_tokens"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_expired_setup_token_is_refused(string engine)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(engine, clock);
        var token = await new SetupTokenStore(db.Database).IssueAsync(TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Null(await new UserStore(db.Database).CreateFirstAdminAsync(NewUser("root@example.test"), SecretToken.HashOf(token)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_last_active_admin_can_be_neither_disabled_nor_demoted(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var users = new UserStore(db.Database);
        var first = await users.CreateAsync(NewUser("first@example.test", UserRole.Admin));

        await Assert.ThrowsAsync<LastAdminException>(() => users.UpdateAsync(first.Id, new UserStore.Changes(Active: false)));
        await Assert.ThrowsAsync<LastAdminException>(() => users.UpdateAsync(first.Id, new UserStore.Changes(Role: UserRole.User)));

        var second = await users.CreateAsync(NewUser("second@example.test", UserRole.Admin));
        var demoted = await users.UpdateAsync(first.Id, new UserStore.Changes(Role: UserRole.User, DisplayName: "First"));

        Assert.Equal(UserRole.User, demoted!.Role);
        Assert.Equal("First", demoted.DisplayName);
        await Assert.ThrowsAsync<LastAdminException>(() => users.UpdateAsync(second.Id, new UserStore.Changes(Active: false)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Sessions_are_found_by_their_secret_only_and_end_together_except_the_kept_one(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var sessions = new SessionStore(db.Database);
        var user = Guid.CreateVersion7();
        var (secretA, a) = await sessions.CreateAsync(user, "ua", "127.0.0.1", "agent", TimeSpan.FromHours(1));
        var (secretB, _) = await sessions.CreateAsync(user, "ua", "127.0.0.1", "agent", TimeSpan.FromHours(1));
        var (secretOther, _) = await sessions.CreateAsync(Guid.CreateVersion7(), "ua", null, null, TimeSpan.FromHours(1));

        Assert.Equal(a.Id, (await sessions.FindAsync(secretA))!.Id);
        Assert.Null(await sessions.FindAsync(secretA + "x"));
        Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM sessions WHERE token_hash = '{secretA}'"));

        Assert.Equal(1, await sessions.DeleteAllAsync(user, keep: a.Id));

        Assert.NotNull(await sessions.FindAsync(secretA));
        Assert.Null(await sessions.FindAsync(secretB));
        Assert.NotNull(await sessions.FindAsync(secretOther));
        Assert.False(await sessions.DeleteAsync(Guid.CreateVersion7(), a.Id)); // not that user's
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Api_tokens_are_stored_hashed_and_write_implies_read(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var tokens = new ApiTokenStore(db.Database);
        var user = Guid.CreateVersion7();

        var (secret, token) = await tokens.CreateAsync(user, " ci ", [ApiTokenScope.Write], null);
        var found = await tokens.FindAsync(secret);

        Assert.StartsWith(ApiTokenStore.SecretPrefix, secret);
        Assert.Equal("ci", found!.Name);
        Assert.Equal([ApiTokenScope.Read, ApiTokenScope.Write], found.Scopes);
        Assert.StartsWith(found.Prefix, secret);
        Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM api_tokens WHERE token_hash = '{secret}'"));
        Assert.True(await tokens.DeleteAsync(user, token.Id));
        Assert.Null(await tokens.FindAsync(secret));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_audit_log_pages_newest_first_with_filters(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var audit = new AuditStore(db.Database);
        var actor = Guid.CreateVersion7();
        foreach (var (action, outcome) in new[] { (AuditAction.LoginSucceeded, AuditOutcome.Success), (AuditAction.LoginFailed, AuditOutcome.Failure), (AuditAction.CampaignCreated, AuditOutcome.Success), (AuditAction.Logout, AuditOutcome.Success) })
        {
            await audit.AppendAsync(new AuditEntry(0, default, action, outcome, actor, "a@example.test", "user", "t1", "127.0.0.1", null));
        }

        var first = await audit.QueryAsync(new AuditStore.Filter(), 3, null);
        var second = await audit.QueryAsync(new AuditStore.Filter(), 3, first.NextCursor);

        Assert.Equal([AuditAction.Logout, AuditAction.CampaignCreated, AuditAction.LoginFailed], first.Items.Select(e => e.Action));
        Assert.Equal([AuditAction.LoginSucceeded], second.Items.Select(e => e.Action));
        Assert.Null(second.NextCursor);
        Assert.Equal(3, (await audit.QueryAsync(new AuditStore.Filter(Action: "auth"), 10, null)).Items.Count);
        Assert.Equal([AuditAction.LoginFailed], (await audit.QueryAsync(new AuditStore.Filter(Outcome: AuditOutcome.Failure), 10, null)).Items.Select(e => e.Action));
        Assert.Equal("127.0.0.1", first.Items[0].Ip);
        Assert.Equal(actor, first.Items[0].ActorId);
        Assert.Empty((await audit.QueryAsync(new AuditStore.Filter(ActorId: Guid.CreateVersion7()), 10, null)).Items);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Pruning_drops_audit_entries_past_retention_and_idle_or_expired_sessions_only(string engine)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(engine, clock);
        var audit = new AuditStore(db.Database);
        var sessions = new SessionStore(db.Database);
        var user = Guid.CreateVersion7();
        await audit.AppendAsync(new AuditEntry(0, default, AuditAction.LoginSucceeded, AuditOutcome.Success, user, "a@example.test", null, null, null, "old"));
        var (idleSecret, _) = await sessions.CreateAsync(user, "ua", null, null, TimeSpan.FromDays(7));
        var (shortSecret, _) = await sessions.CreateAsync(user, "ua", null, null, TimeSpan.FromHours(2));
        clock.Advance(TimeSpan.FromHours(3));
        await audit.AppendAsync(new AuditEntry(0, default, AuditAction.Logout, AuditOutcome.Success, user, "a@example.test", null, null, null, "recent"));
        var (freshSecret, _) = await sessions.CreateAsync(user, "ua", null, null, TimeSpan.FromDays(7));

        var prunedAudit = await audit.PruneAsync(TimeSpan.FromHours(2));
        var prunedSessions = await sessions.PruneAsync(TimeSpan.FromHours(2.5));

        Assert.Equal(1, prunedAudit);
        Assert.Equal(["recent"], (await audit.QueryAsync(new AuditStore.Filter(), 10, null)).Items.Select(e => e.Detail));
        Assert.Equal(2, prunedSessions); // one idle for 3 h, one past its 2 h lifetime
        Assert.Null(await sessions.FindAsync(idleSecret));
        Assert.Null(await sessions.FindAsync(shortSecret));
        Assert.NotNull(await sessions.FindAsync(freshSecret));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_key_ring_keeps_every_key_and_replaces_one_stored_twice(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var keys = new KeyRingStore(db.Database);

        await keys.AddAsync("key-1", "<key id=\"1\" />");
        await keys.AddAsync("key-2", "<key id=\"2\" />");
        await keys.AddAsync("key-1", "<key id=\"1\" revoked=\"true\" />");

        Assert.Equal(["<key id=\"1\" revoked=\"true\" />", "<key id=\"2\" />"], await keys.AllAsync());
    }
}
