using System.Security.Cryptography;
using System.Text;

namespace SecondChance.Domain;

/// <summary>Name-based (RFC 9562 version 5) Guids, so a retried decision derives the same ids.</summary>
public static class DeterministicGuid
{
    public static readonly Guid SaleProceedsNamespace = new("6f1d2c1e-5b0a-4a53-9c61-3a9b9c2d7e10");

    public static Guid Create(Guid namespaceId, string name)
    {
        var ns = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[ns.Length + nameBytes.Length];
        ns.CopyTo(input, 0);
        nameBytes.CopyTo(input, ns.Length);
        var hash = SHA1.HashData(input);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid ShareOfSalePosting(Guid saleId, Guid inmateId) =>
        Create(SaleProceedsNamespace, $"share-of-sale:{saleId:N}:{inmateId:N}");

    /// <summary>The sale of one item paid for by a partner's payment: a retried payment sells nothing twice.</summary>
    public static Guid OrderSale(Guid paymentId, Guid itemId) =>
        Create(SaleProceedsNamespace, $"order-sale:{paymentId:N}:{itemId:N}");
}
