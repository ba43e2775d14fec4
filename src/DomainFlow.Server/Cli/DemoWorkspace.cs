using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Phases;
using DomainFlow.Core.Resources;
using DomainFlow.Core.Users;
using DomainFlow.Server.Api;
using DomainFlow.Server.Lab;
using DomainFlow.Store;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Dns;
using DomainFlow.Store.Http;
using DomainFlow.Store.Keywords;
using DomainFlow.Store.Personas;
using DomainFlow.Store.Resources;
using DomainFlow.Store.Users;

namespace DomainFlow.Server.Cli;

/// <summary>
/// What `domainflow demo` keeps in its database: an admin account, DNS and HTTP personas aimed at this run's lab, a
/// keyword set and a campaign ready to run every phase. Everything goes through the stores and the validation rules
/// the API uses, so the demo's resources are exactly what a user could have made in the web UI. Found again by name on
/// the next run, so nothing is duplicated.
/// </summary>
internal sealed class DemoWorkspace(IServiceProvider services)
{
    public const string Email = "demo@domainflow.test";
    public const string DnsPersonaName = "Demo lab DNS";
    public const string HttpPersonaName = "Demo lab web";
    public const string KeywordSetName = "Demo keywords";
    public const string CampaignName = "Demo campaign";

    /// <param name="Password">The account's password, new at every start (only its bcrypt hash is stored).</param>
    /// <param name="Created">What this run created, for the console ("DNS persona 'Demo lab DNS'").</param>
    /// <param name="Kept">What an earlier run had created and this one reuses.</param>
    public sealed record Prepared(string Password, Guid CampaignId, IReadOnlyList<string> Created, IReadOnlyList<string> Kept);

    private readonly List<string> _created = [];
    private readonly List<string> _kept = [];

    /// <param name="reset">Delete the demo's campaign, personas and keyword set first (other data is left alone).</param>
    public async Task<Prepared> PrepareAsync(DemoLab lab, bool reset, CancellationToken ct)
    {
        if (reset)
        {
            await RemoveAsync(ct);
        }
        var (user, password) = await AccountAsync(ct);
        // The personas are rewritten at every start: the lab's ports are new each time.
        var dns = await SaveAsync(services.GetRequiredService<DnsPersonaStore>(), "DNS persona", DnsPersona(lab), user.Id, ct);
        var http = await SaveAsync(services.GetRequiredService<HttpPersonaStore>(), "HTTP persona", HttpPersona(lab), user.Id, ct);
        var keywords = await FindAsync(services.GetRequiredService<KeywordSetStore>(), KeywordSetName, ct) is { } existing
            ? Kept("keyword set", existing)
            : Created("keyword set", await services.GetRequiredService<KeywordSetStore>().CreateAsync(KeywordSet(), user.Id, ct));
        var campaign = await CampaignAsync(user.Id, dns.Id, http.Id, keywords.Id, ct);
        return new Prepared(password, campaign, _created, _kept);
    }

    /// <summary>The demo admin with a new random password; an existing one is unlocked, re-enabled and its sessions ended.</summary>
    private async Task<(User User, string Password)> AccountAsync(CancellationToken ct)
    {
        var users = services.GetRequiredService<UserStore>();
        var db = services.GetRequiredService<Database>();
        var password = NewPassword();
        if (await users.FindByEmailAsync(Email, ct) is not { } user)
        {
            user = await users.CreateAsync(new UserStore.NewUser(Email, "Demo", UserRole.Admin, PasswordHasher.Hash(password)), ct);
            await UsersCommand.Audit(db, Core.Audit.AuditAction.UserCreated, user, $"{user.Email} as admin (domainflow demo)", ct);
            _created.Add($"admin account {Email}");
            return (user, password);
        }
        // Same steps as `users reset-password`: the old password and every session stop working.
        await users.SetPasswordAsync(user.Id, PasswordHasher.Hash(password), mustChange: false, ct);
        await users.RecordLoginAsync(user.Id, ct);
        await services.GetRequiredService<SessionStore>().DeleteAllAsync(user.Id, keep: null, ct);
        user = await users.UpdateAsync(user.Id, new UserStore.Changes(Role: UserRole.Admin, Active: true), ct) ?? user;
        await UsersCommand.Audit(db, Core.Audit.AuditAction.UserPasswordReset, user, "domainflow demo", ct);
        _kept.Add($"admin account {Email} (new password)");
        return (user, password);
    }

    /// <summary>Random, as the admin API's temporary passwords, and checked against the same policy as every password.</summary>
    private static string NewPassword()
    {
        while (true)
        {
            var password = AdminUsersApi.TemporaryPassword();
            var errors = new ValidationErrors();
            PasswordPolicy.Validate(password, errors, "password", Email, "Demo");
            if (errors.IsEmpty)
            {
                return password;
            }
        }
    }

    private static DnsPersonaConfig DnsPersona(DemoLab lab) => new()
    {
        Name = DnsPersonaName,
        Description = "The demo's authoritative lab server on loopback; rewritten by domainflow demo at each start.",
        Resolvers = [new DnsPersonaResolver(lab.Dns.Endpoint.ToString())],
        TimeoutMs = 500,
    };

    /// <summary>HTTPS first on the lab's HTTPS port (its self-signed certificate is recorded, not refused), then HTTP.</summary>
    private static HttpPersonaConfig HttpPersona(DemoLab lab) => new()
    {
        Name = HttpPersonaName,
        Description = "Fetches the demo's web lab on loopback; rewritten by domainflow demo at each start.",
        HttpPorts = [lab.Web.HttpPort],
        HttpsPorts = [lab.Web.HttpsPort],
        ConnectTimeoutMs = 2_000,
        TotalTimeoutMs = 5_000,
    };

    private static KeywordSetConfig KeywordSet() => new()
    {
        Name = KeywordSetName,
        Description = "The lab's brand, and what parked pages say.",
        Rules =
        [
            new KeywordRule(WebWorld.Brand, Category: "brand", Weight: 2),
            new KeywordRule("for sale", Category: "parked", Weight: -1),
            new KeywordRule(@"make an offer|buy this domain", KeywordRuleType.Regex, Category: "parked", Weight: -1),
        ],
    };

    /// <summary>The demo campaign (auto mode: Start on generation runs DNS validation and HTTP analysis after it).</summary>
    private async Task<Guid> CampaignAsync(Guid owner, Guid dnsPersona, Guid httpPersona, Guid keywordSet, CancellationToken ct)
    {
        if (await FindCampaignAsync(owner, ct) is { } existing)
        {
            _kept.Add($"campaign '{CampaignName}'");
            return existing.Id;
        }
        var errors = new ValidationErrors();
        var generation = CampaignsApi.ValidateGeneration(DemoLab.Pattern, errors);
        ThrowIfAny(errors);
        var campaign = await services.GetRequiredService<CampaignStore>().CreateAsync(CampaignName,
            "Made by domainflow demo: n00–n99 under the lab's three zones, resolved by the lab DNS and fetched from the web lab.",
            CampaignMode.Auto, generation, owner, ct);

        var dns = new DnsValidationConfig { PersonaIds = [dnsPersona] };
        await DnsValidationConfigRules.ValidateAsync(dns, services.GetRequiredService<DnsPersonaStore>(), ct);
        var http = new HttpPhaseConfig { PersonaIds = [httpPersona], KeywordSetIds = [keywordSet], Concurrency = 16, PerIpConcurrency = 16 };
        await HttpPhaseConfigRules.ResolveAsync(http, services.GetRequiredService<HttpPhaseStores>(), ct);
        var phases = services.GetRequiredService<PhaseControl>();
        await phases.ConfigureAsync(campaign.Id, PhaseName.DnsValidation, JsonSerializer.Serialize(dns, DomainFlowJson.Options), ct);
        await phases.ConfigureAsync(campaign.Id, PhaseName.HttpKeywordAnalysis, JsonSerializer.Serialize(http, DomainFlowJson.Options), ct);
        _created.Add($"campaign '{CampaignName}' (auto mode, {DemoLab.Pattern.MaxDomains} names)");
        return campaign.Id;
    }

    /// <summary>The demo account's oldest campaign of that name (a renamed or duplicated one is the user's own).</summary>
    private async Task<Campaign?> FindCampaignAsync(Guid owner, CancellationToken ct)
    {
        var campaigns = services.GetRequiredService<CampaignStore>();
        Campaign? oldest = null;
        string? cursor = null;
        do
        {
            var page = await campaigns.ListAsync(CampaignName, null, CampaignsApi.MaxPageSize, cursor, ct: ct);
            oldest = page.Items.LastOrDefault(c => c.Name == CampaignName && c.OwnerId == owner) ?? oldest;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return oldest;
    }

    private async Task RemoveAsync(CancellationToken ct)
    {
        if (await services.GetRequiredService<UserStore>().FindByEmailAsync(Email, ct) is { } user)
        {
            while (await FindCampaignAsync(user.Id, ct) is { } campaign)
            {
                await services.GetRequiredService<CampaignStore>().DeleteAsync(campaign.Id, ct);
            }
        }
        await DeleteAsync(services.GetRequiredService<DnsPersonaStore>(), DnsPersonaName, ct);
        await DeleteAsync(services.GetRequiredService<HttpPersonaStore>(), HttpPersonaName, ct);
        await DeleteAsync(services.GetRequiredService<KeywordSetStore>(), KeywordSetName, ct);
    }

    /// <summary>Creates the configuration, or replaces the one of the same name.</summary>
    private async Task<NamedResource<TConfig>> SaveAsync<TConfig>(NamedConfigStore<TConfig> store, string kind, TConfig config, Guid owner, CancellationToken ct)
        where TConfig : class, INamedConfig<TConfig>
    {
        if (await FindAsync(store, config.Name, ct) is { } existing && await store.UpdateAsync(existing.Id, config, ct) is { } updated)
        {
            return Kept(kind, updated);
        }
        return Created(kind, await store.CreateAsync(config, owner, ct));
    }

    private static async Task<NamedResource<TConfig>?> FindAsync<TConfig>(NamedConfigStore<TConfig> store, string name, CancellationToken ct)
        where TConfig : class, INamedConfig<TConfig> =>
        (await store.ListAsync(ct: ct)).FirstOrDefault(r => string.Equals(r.Config.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));

    private static async Task DeleteAsync<TConfig>(NamedConfigStore<TConfig> store, string name, CancellationToken ct)
        where TConfig : class, INamedConfig<TConfig>
    {
        if (await FindAsync(store, name, ct) is { } existing)
        {
            await store.DeleteAsync(existing.Id, ct);
        }
    }

    private NamedResource<TConfig> Created<TConfig>(string kind, NamedResource<TConfig> item)
        where TConfig : class, INamedConfig<TConfig>
    {
        _created.Add($"{kind} '{item.Config.Name}'");
        return item;
    }

    private NamedResource<TConfig> Kept<TConfig>(string kind, NamedResource<TConfig> item)
        where TConfig : class, INamedConfig<TConfig>
    {
        _kept.Add($"{kind} '{item.Config.Name}'");
        return item;
    }

    private static void ThrowIfAny(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
    }
}
