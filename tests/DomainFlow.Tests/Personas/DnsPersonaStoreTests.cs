using System.Text.Json;
using DomainFlow.Core.Resources;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Personas;
using DomainFlow.Store.Personas;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Personas;

/// <summary>The DNS persona store on both engines: what the API and the DNS phase rely on.</summary>
public sealed class DnsPersonaStoreTests
{
    private static DnsPersonaConfig Persona(string name, params string[] resolvers) => new()
    {
        Name = name,
        Resolvers = (resolvers.Length == 0 ? ["127.0.0.1:5353"] : resolvers).Select(r => new DnsPersonaResolver(r)).ToList(),
    };

    /// <summary>Records holding lists compare lists by reference: compare what would be stored instead.</summary>
    private static string Json(DnsPersonaConfig config) => JsonSerializer.Serialize(config, DomainFlowJson.Options);

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_persona_keeps_every_field_and_who_created_it_when(string engine)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(engine, clock);
        var personas = new DnsPersonaStore(db.Database);
        var creator = Guid.CreateVersion7();
        var config = new DnsPersonaConfig
        {
            Name = "Lab resolvers",
            Description = "loopback only",
            Enabled = false,
            Resolvers = [new("127.0.0.2:5353", 3), new("127.0.0.3", 1), new("[::1]:5300", 2)],
            Strategy = ResolverStrategy.Weighted,
            RecordTypes = ["A", "MX", "TXT"],
            TimeoutMs = 750,
            Retries = 5,
            MaxInFlight = 300,
            GlobalRate = new RateSpec(5000, 200),
            PerResolverRate = new RateSpec(800),
            Edns = false,
            EdnsPayload = 4096,
            TcpFallback = false,
            JitterMinMs = 5,
            JitterMaxMs = 40,
        };

        var created = await personas.CreateAsync(config, creator);
        var read = await personas.GetAsync(created.Id);

        Assert.NotNull(read);
        Assert.Equal(Json(config), Json(read.Config));
        Assert.Equal((creator, clock.GetUtcNow().ToUnixTimeMilliseconds()), (read.CreatedBy, read.CreatedAt.ToUnixTimeMilliseconds()));
        Assert.Equal(read.CreatedAt, read.UpdatedAt);
        Assert.Null(await personas.GetAsync(Guid.CreateVersion7()));
        // What the DNS phase does with it: the stored persona maps onto the engine without further checks.
        Assert.Equal(3, read.Config.ToResolverOptions().Resolvers[0].Weight);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Text_is_stored_trimmed_and_record_types_upper_case_once(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var personas = new DnsPersonaStore(db.Database);

        var created = await personas.CreateAsync(Persona("  Padded  ", " 127.0.0.1 ") with { Description = "   ", RecordTypes = ["a", "A", "aaaa"] }, null);

        Assert.Equal("Padded", created.Config.Name);
        Assert.Null(created.Config.Description);
        Assert.Equal("127.0.0.1", created.Config.Resolvers[0].Address);
        Assert.Equal(["A", "AAAA"], created.Config.RecordTypes);
        Assert.Null(created.CreatedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Names_are_unique_case_insensitively_on_create_and_on_update(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var personas = new DnsPersonaStore(db.Database);
        var first = await personas.CreateAsync(Persona("Fast"), null);
        var second = await personas.CreateAsync(Persona("Slow"), null);

        var onCreate = await Assert.ThrowsAsync<ValidationException>(() => personas.CreateAsync(Persona(" FAST "), null));
        var onUpdate = await Assert.ThrowsAsync<ValidationException>(() => personas.UpdateAsync(second.Id, Persona("fast")));
        var renamedItself = await personas.UpdateAsync(first.Id, Persona("fAsT"));

        Assert.Equal(["name"], onCreate.Errors.ToDictionary().Keys);
        Assert.Equal(["name"], onUpdate.Errors.ToDictionary().Keys);
        Assert.Equal("fAsT", renamedItself?.Config.Name);
        Assert.Equal(["fAsT", "Slow"], (await personas.ListAsync()).Select(p => p.Config.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_list_is_ordered_by_name_and_filters_on_enabled(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var personas = new DnsPersonaStore(db.Database);
        foreach (var (name, enabled) in new[] { ("gamma", true), ("Alpha", false), ("beta", true), ("_first", true) })
        {
            await personas.CreateAsync(Persona(name) with { Enabled = enabled }, null);
        }

        Assert.Equal(["_first", "Alpha", "beta", "gamma"], (await personas.ListAsync()).Select(p => p.Config.Name));
        Assert.Equal(["_first", "beta", "gamma"], (await personas.ListAsync(enabled: true)).Select(p => p.Config.Name));
        Assert.Equal(["Alpha"], (await personas.ListAsync(enabled: false)).Select(p => p.Config.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_update_replaces_the_whole_configuration_and_a_delete_removes_the_persona(string engine)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(engine, clock);
        var personas = new DnsPersonaStore(db.Database);
        var created = await personas.CreateAsync(Persona("Before", "127.0.0.1", "127.0.0.2") with { Retries = 7, MaxInFlight = 50 }, null);
        clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await personas.UpdateAsync(created.Id, Persona("After", "127.0.0.9"));

        Assert.NotNull(updated);
        Assert.Equal(Json(Persona("After", "127.0.0.9")), Json(updated.Config)); // fields left out are back to their defaults
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(created.CreatedAt.AddMinutes(1), updated.UpdatedAt);
        Assert.Null(await personas.UpdateAsync(Guid.CreateVersion7(), Persona("Nobody")));

        Assert.True(await personas.DeleteAsync(created.Id));
        Assert.False(await personas.DeleteAsync(created.Id));
        Assert.Null(await personas.GetAsync(created.Id));
        Assert.Empty(await personas.ListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_invalid_persona_is_refused_with_every_problem_and_its_path(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var personas = new DnsPersonaStore(db.Database);
        var invalid = Persona("", "127.0.0.1", "not-an-ip") with
        {
            RecordTypes = ["A", "SRV"],
            TimeoutMs = 5,
            GlobalRate = new RateSpec(0),
            Description = new string('x', DomainFlow.Core.Resources.NamedConfigRules.MaxDescriptionLength + 1),
        };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => personas.CreateAsync(invalid, null));

        Assert.Equal(
            ["description", "globalRate.perSecond", "name", "recordTypes", "resolvers[1].address", "timeoutMs"],
            refused.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await personas.ListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_import_creates_every_persona_or_none_and_names_each_problem_by_position(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var personas = new DnsPersonaStore(db.Database);
        await personas.CreateAsync(Persona("Existing"), null);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => personas.CreateManyAsync(
            [Persona("New one"), Persona("existing"), Persona("Twice", "bad"), Persona("TWICE")], null));
        var imported = await personas.CreateManyAsync([Persona("Second"), Persona("Third")], Guid.CreateVersion7());

        Assert.Equal(["[1].name", "[2].resolvers[0].address", "[3].name"], refused.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Existing", "Second", "Third"], (await personas.ListAsync()).Select(p => p.Config.Name));
        Assert.Equal(2, imported.Count);
    }
}
