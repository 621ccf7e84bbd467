using SecondChance.Integrity.Tenancy;
using Npgsql;

namespace SecondChance.Projections.ReadModels.Certificates;

/// <summary>
/// The public answer about a certificate: what was certified, by whom and when, and whether it still stands. It
/// never names a facility, a prisoner number or an inmate id; the holder is named only with their consent.
/// </summary>
public sealed record CertificateVerification(string Skill, string Level, string IssuingBody, string Assessor, DateOnly CertifiedOn,
    string Status, DateOnly? RevokedOn, string? Holder)
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
}

public sealed class CertificateQueries(TenantDataSource dataSource, string schema)
{
    public async Task<CertificateVerification?> VerifyAsync(string codeHash, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select skill, level, issuing_body, assessor, certified_on, revoked_reason is not null, revoked_on, case when holder_consents then holder_name end
              from {schema}.certificates where code_hash = $1
            """);
        cmd.Parameters.Add(new() { Value = codeHash });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new CertificateVerification(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4),
            r.GetBoolean(5) ? CertificateVerification.Revoked : CertificateVerification.Valid,
            r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6), r.IsDBNull(7) ? null : r.GetString(7));
    }
}
