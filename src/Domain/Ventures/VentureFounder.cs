namespace SecondChance.Domain.Ventures;

/// <summary>A founder and the skill certificate (one they hold, not revoked) that qualifies them.</summary>
public sealed record VentureFounder(Guid InmateId, string CertificateNumber);
