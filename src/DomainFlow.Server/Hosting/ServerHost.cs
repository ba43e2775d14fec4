using System.Text.Json.Serialization;
using DomainFlow.Core;
using System.Security.Authentication;
using DomainFlow.Server.Api;
using DomainFlow.Server.Auth;
using DomainFlow.Server.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using DomainFlow.Server.Jobs;
using DomainFlow.Server.Realtime;
using DomainFlow.Store;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Dns;
using DomainFlow.Store.Domains;
using DomainFlow.Store.Events;
using DomainFlow.Store.Generation;
using DomainFlow.Store.Jobs;
using DomainFlow.Store.Migrations;
using DomainFlow.Store.Personas;

namespace DomainFlow.Server.Hosting;

/// <summary>Builds the web server: each subsystem is one explicit registration, read top to bottom.</summary>
public static class ServerHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="args">Configuration arguments (--Section:Key=value, --urls=...).</param>
    /// <param name="fixedSettings">Settings that win over arguments and DOMAINFLOW__ environment variables (the demo's store and network).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? fixedSettings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Static web assets are looked up by application name; hosted inside another process (tests) it would be that process's.
            ApplicationName = typeof(ServerHost).Assembly.GetName().Name,
        });
        builder.Configuration.AddEnvironmentVariables("DOMAINFLOW__");
        if (fixedSettings is not null)
        {
            builder.Configuration.AddInMemoryCollection(fixedSettings);
        }
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13));
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders().AddJsonConsole();
        }
        // Serves web/'s Vite output from the project's wwwroot when run from bin/; a published app has it beside the binary.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddStore(builder.Configuration);
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddSecrets(builder.Configuration);
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddRealtime();
        builder.Services.AddApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Everything under /api/v2 requires a signed-in user unless the endpoint says AllowAnonymous (health, login, setup).
        app.MapGroup("/api/v2").RequireAuthorization(AuthSetup.ApiPolicy)
            .MapHealth().MapSetup().MapAuth().MapMfa().MapTokens().MapAdminUsers().MapAudit()
            .MapCampaigns().MapDashboard().MapPhases().MapDomains().MapGeneration().MapEvents().MapDnsPersonas().MapHttpPersonas().MapKeywordSets().MapProxies().MapProxyPools();
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(Problems.Create(404, "not_found", "Not found", "No such API endpoint.")));
        app.MapFallbackToFile("index.html");
        return app;
    }

    /// <summary>Applies migrations, then serves until stopped.</summary>
    public static async Task RunAsync(WebApplication app)
    {
        await StartAsync(app);
        await app.WaitForShutdownAsync();
    }

    /// <summary>Applies migrations (if not done yet), starts listening and says where.</summary>
    public static async Task StartAsync(WebApplication app)
    {
        await MigrateAsync(app.Services);
        await app.StartAsync();
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"DomainFlow is listening on {url}");
        }
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync();
        if (applied.Count > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("DomainFlow.Migrations")
                .LogInformation("Applied migrations: {Names}", string.Join(", ", applied.Select(m => m.Name)));
        }
    }

    private static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Store").Get<StoreOptions>() ?? new StoreOptions();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Database.Create(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Migrator>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<DashboardStore>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<PhaseControl>();
        services.AddSingleton<DomainStore>();
        services.AddSingleton<ListUploadStore>();
        services.AddSingleton<EventOutbox>();
        services.AddSingleton<DnsPersonaStore>();
        services.AddSingleton<Store.Keywords.KeywordSetStore>();
        services.AddSingleton<HttpPersonaStore>();
        services.AddSingleton<Store.Proxies.ProxyStore>();
        services.AddSingleton<Store.Proxies.ProxyPoolStore>();
        services.AddSingleton<Store.Http.HttpPhaseStores>();
        var proxyOptions = configuration.GetSection("Proxies").Get<Core.Proxies.ProxyOptions>() ?? new Core.Proxies.ProxyOptions();
        if (Core.Proxies.ProxyChecker.CheckUrlError(proxyOptions.CheckUrl) is { } checkUrlError)
        {
            throw new InvalidOperationException($"Proxies:CheckUrl {checkUrlError}.");
        }
        services.AddSingleton(proxyOptions);
        services.AddSingleton<ProxyHealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<ProxyHealthMonitor>());
        var network = configuration.GetSection("Network").Get<Core.Http.NetworkOptions>() ?? new Core.Http.NetworkOptions();
        network.CreateGuard(); // a mistyped Network:AllowedTargets range stops the start, not the first probe
        services.AddSingleton(network);
        services.AddSingleton(TechnologyFingerprints(configuration["Http:Technologies"]));
        services.AddSingleton(NodeIdentity.Load(configuration["Node:Id"], options.DataDirectory));
        return services;
    }

    /// <summary>
    /// The fingerprints the HTTP engine detects technologies with: the small set shipped with DomainFlow, or the
    /// Wappalyzer-format file or folder <c>Http:Technologies</c> names (read once; a bad one stops the start).
    /// </summary>
    private static Core.Http.TechFingerprints TechnologyFingerprints(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Core.Http.TechFingerprints.Default;
        }
        try
        {
            return Core.Http.TechFingerprints.LoadPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new InvalidOperationException($"Http:Technologies: {e.Message}", e);
        }
    }

    private static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Jobs").Get<JobRunnerOptions>() ?? new JobRunnerOptions();
        if (options.BatchSize < 1 || options.ShardSize < 1 || options.Workers < 0)
        {
            throw new InvalidOperationException("Jobs: BatchSize and ShardSize must be at least 1, Workers at least 0.");
        }
        services.AddSingleton(options);
        services.AddSingleton<JobStore>();
        services.AddSingleton<IPhasePlanner, GenerationPlanner>();
        services.AddSingleton<IShardProcessor, GenerationShardProcessor>();
        services.AddSingleton<IPhasePlanner, DnsValidationPlanner>();
        services.AddSingleton<IShardProcessor, DnsValidationShardProcessor>();
        services.AddSingleton<IPhasePlanner, Store.Http.HttpPhasePlanner>();
        services.AddSingleton<IShardProcessor, Store.Http.HttpShardProcessor>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<CampaignWorker>();
        return services;
    }

    private static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSingleton<EventHub>();
        services.AddSingleton<ProgressHistory>();
        services.AddHostedService<EventPoller>();
        return services;
    }

    private static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => DomainFlowJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddMissingCode);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "DomainFlow API";
            doc.Info.Version = "v2";
            doc.Servers?.Clear(); // the document describes the API, not the address one node happens to listen on
            OpenApiSecurity.Describe(doc);
            return Task.CompletedTask;
        }));
        return services;
    }
}
