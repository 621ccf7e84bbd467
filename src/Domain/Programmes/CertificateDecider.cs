using SecondChance.Domain.Inmates;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Programmes;

/// <summary>
/// A certificate's life after it is recorded: its verification code (made by the caller from a CSPRNG, so this stays
/// pure), revocation, and whether the holder may be named to someone who verifies it.
/// </summary>
public static class CertificateDecider
{
    public static Decision Decide(InmateState inmate, IssueVerificationCode command, string code, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (Find(inmate, command.CertificateNumber) is not { } certificate) return NotFound(command.CertificateNumber);
        if (certificate.VerificationCode is not null) return Decision.Nothing;
        return Decision.Accept(new CertificateCodeIssued(inmate.InmateId, certificate.CertificateNumber, code, now));
    }

    public static Decision Decide(InmateState inmate, RevokeCertificate command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for revocation") is { } r2) return r2;
        var at = command.RevokedAt ?? now;
        if (Happened(inmate, at, now, "Revocation time") is { } r3) return r3;
        if (Find(inmate, command.CertificateNumber) is not { } certificate) return NotFound(command.CertificateNumber);
        if (certificate.Revoked)
            return Decision.Refuse(CertificateAlreadyRevoked, $"Certificate {certificate.CertificateNumber} is already revoked: {certificate.RevokedReason}");
        return Decision.Accept(new CertificateRevoked(inmate.InmateId, certificate.CertificateNumber, command.Reason.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, GiveCertificateHolderConsent command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        var at = command.At ?? now;
        if (Happened(inmate, at, now, "Consent time") is { } r2) return r2;
        if (Find(inmate, command.CertificateNumber) is not { } certificate) return NotFound(command.CertificateNumber);
        return certificate.HolderConsents
            ? Decision.Nothing
            : Decision.Accept(new CertificateHolderConsentGiven(inmate.InmateId, certificate.CertificateNumber, at));
    }

    public static Decision Decide(InmateState inmate, WithdrawCertificateHolderConsent command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        var at = command.At ?? now;
        if (Happened(inmate, at, now, "Withdrawal time") is { } r2) return r2;
        if (Find(inmate, command.CertificateNumber) is not { } certificate) return NotFound(command.CertificateNumber);
        return certificate.HolderConsents
            ? Decision.Accept(new CertificateHolderConsentWithdrawn(inmate.InmateId, certificate.CertificateNumber, at))
            : Decision.Nothing;
    }

    private static InmateCertificate? Find(InmateState inmate, string? number) =>
        number is null ? null : inmate.Certificates.GetValueOrDefault(number.Trim());

    private static Decision NotFound(string? number) =>
        Decision.Refuse(CertificateNotFound, $"The inmate holds no certificate numbered '{number?.Trim()}'.");
}
