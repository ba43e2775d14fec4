using DomainFlow.Store.Audit;
using DomainFlow.Store.Security;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;

namespace DomainFlow.Server.Auth;

public static class AuthSetup
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<UserStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<MfaStore>();
        services.AddSingleton<SetupTokenStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<KeyRingStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StreamAuthorization>();
        services.AddAuthentication(DomainFlowAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DomainFlowAuthenticationHandler>(DomainFlowAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ApiAccessRequirement>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, p => p.RequireAuthenticatedUser().AddRequirements(new ApiAccessRequirement()));
        services.AddDomainFlowRateLimits(options);
        services.AddHostedService<FirstRunSetup>();
        services.AddHostedService<AccountMaintenance>();
        return services;
    }
}
