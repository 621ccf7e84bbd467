using System.Security.Cryptography;
using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

/// <summary>New verification codes, from the operating system's CSPRNG.</summary>
public static class VerificationCodes
{
    public static string New() => VerificationCode.Format(RandomNumberGenerator.GetBytes(VerificationCode.RandomBytes));
}
