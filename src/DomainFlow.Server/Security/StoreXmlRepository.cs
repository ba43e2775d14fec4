using System.Xml.Linq;
using DomainFlow.Store.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DomainFlow.Server.Security;

/// <summary>Keeps the Data Protection key ring in the store, so every node encrypts and decrypts with the same keys.</summary>
public sealed class StoreXmlRepository(KeyRingStore keys) : IXmlRepository
{
    // Data Protection's repository contract is synchronous; it is called at start-up and when keys roll (every ~90 days).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => keys.AllAsync()).GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => keys.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
