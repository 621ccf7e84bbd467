namespace SecondChance.Domain.Programmes;

/// <summary>
/// The verification code of a certificate on the inmate's stream, kept in the clear so staff can print it again;
/// read models keep only its hash (<see cref="VerificationCode.Hash"/>).
/// </summary>
public sealed record CertificateCodeIssued(Guid InmateId, string CertificateNumber, string Code, DateTimeOffset IssuedAt);

public sealed record CertificateRevoked(Guid InmateId, string CertificateNumber, string Reason, DateTimeOffset RevokedAt);

/// <summary>The holder agrees to be named when someone verifies this certificate.</summary>
public sealed record CertificateHolderConsentGiven(Guid InmateId, string CertificateNumber, DateTimeOffset GivenAt);

public sealed record CertificateHolderConsentWithdrawn(Guid InmateId, string CertificateNumber, DateTimeOffset WithdrawnAt);
