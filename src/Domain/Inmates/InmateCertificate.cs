namespace SecondChance.Domain.Inmates;

public sealed record InmateCertificate(
    string CertificateNumber,
    Guid ProgrammeId,
    string Skill,
    string Level,
    string Assessor,
    DateTimeOffset CertifiedAt,
    string? VerificationCode,
    string? RevokedReason,
    bool HolderConsents)
{
    public bool Revoked => RevokedReason is not null;
}
