namespace SecondChance.Domain.Programmes;

public sealed record CertifySkill(
    Guid InmateId,
    Guid ProgrammeId,
    string Skill,
    string Level,
    string Assessor,
    string CertificateNumber,
    DateTimeOffset? CertifiedAt);
