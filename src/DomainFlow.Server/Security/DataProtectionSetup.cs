using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace DomainFlow.Server.Security;

public static class DataProtectionSetup
{
    /// <summary>
    /// Data Protection with its key ring in the store. With <c>DataProtection:CertificatePath</c> set, the keys
    /// themselves are encrypted with that certificate, so a copy of the database alone does not reveal secrets.
    /// </summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("DomainFlow");
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]));
        }
        services.AddSingleton<StoreXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<StoreXmlRepository>()));
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<Core.ISecretProtector>(sp => sp.GetRequiredService<SecretProtector>());
        return services;
    }
}
