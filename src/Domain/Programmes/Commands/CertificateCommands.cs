namespace SecondChance.Domain.Programmes;

/// <summary>Gives a certificate recorded before codes existed its verification code; one that has a code keeps it.</summary>
public sealed record IssueVerificationCode(Guid InmateId, string CertificateNumber);

public sealed record RevokeCertificate(Guid InmateId, string CertificateNumber, string Reason, DateTimeOffset? RevokedAt);

public sealed record GiveCertificateHolderConsent(Guid InmateId, string CertificateNumber, DateTimeOffset? At);

public sealed record WithdrawCertificateHolderConsent(Guid InmateId, string CertificateNumber, DateTimeOffset? At);
