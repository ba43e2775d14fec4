using Microsoft.OpenApi;

namespace DomainFlow.Server.Auth;

/// <summary>Documents the two ways to authenticate; endpoints marked AllowAnonymous are the exceptions.</summary>
public static class OpenApiSecurity
{
    public static void Describe(OpenApiDocument doc)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token (dft_...) created under /api/v2/auth/tokens or by 'domainflow login'.",
            },
            ["session"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = SessionCookie.Name,
                Description = "The browser session from POST /api/v2/auth/login (named __Host-df_session under HTTPS). Unsafe requests also need the X-CSRF-Token header.",
            },
        };
        doc.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", doc)] = [] },
        ];
    }
}
