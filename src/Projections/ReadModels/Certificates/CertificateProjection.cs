using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Certificates;

/// <summary>
/// What a public verification may say about each certificate, keyed by the SHA-256 of its verification code (the
/// clear code is kept only on the inmate's stream). The holder's name is copied in only while they consent to it.
/// </summary>
public sealed class CertificateProjection : IProjection
{
    public string Name => "certificates";
    public int Version => 1;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "certificates for public verification", """
            create table {schema}.holders (inmate_id uuid primary key, name text not null);
            create table {schema}.programmes (programme_id uuid primary key, name text not null);
            create table {schema}.certificates (inmate_id uuid not null, certificate_number text not null,
                skill text not null, level text not null, issuing_body text not null, assessor text not null, certified_on date not null,
                code_hash text unique, revoked_reason text, revoked_on date, holder_consents boolean not null default false, holder_name text,
                primary key (inmate_id, certificate_number));
            """),
    ];

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var batch = new StatementBatch(ctx);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case InmateAdmitted a:
                    batch.Add("insert into {schema}.holders values ($1, $2) on conflict (inmate_id) do update set name = excluded.name",
                        a.InmateId, a.FullName);
                    break;
                case InmateRecordCorrected c when c.Corrections.LastOrDefault(f => f.Field == CorrectableFields.FullName) is { } name:
                    batch.Add("update {schema}.holders set name = $2 where inmate_id = $1", c.InmateId, name.CorrectedValue.Trim());
                    batch.Add("update {schema}.certificates set holder_name = $2 where inmate_id = $1 and holder_consents",
                        c.InmateId, name.CorrectedValue.Trim());
                    break;
                case ProgrammeOpened p:
                    batch.Add("insert into {schema}.programmes values ($1, $2) on conflict (programme_id) do update set name = excluded.name",
                        p.ProgrammeId, p.Name);
                    break;
                case SkillCertified s:
                    batch.Add("""
                        insert into {schema}.certificates (inmate_id, certificate_number, skill, level, issuing_body, assessor, certified_on)
                        values ($1, $2, $3, $4, coalesce((select name from {schema}.programmes where programme_id = $5), $6), $6, $7)
                        on conflict (inmate_id, certificate_number) do nothing
                        """, s.InmateId, s.CertificateNumber, s.Skill, s.Level, s.ProgrammeId, s.Assessor, DateOnly.FromDateTime(s.CertifiedAt.DateTime));
                    break;
                case CertificateCodeIssued i:
                    batch.Add("update {schema}.certificates set code_hash = $3 where inmate_id = $1 and certificate_number = $2",
                        i.InmateId, i.CertificateNumber, VerificationCode.Hash(VerificationCode.Normalise(i.Code) ?? i.Code));
                    break;
                case CertificateRevoked r:
                    batch.Add("update {schema}.certificates set revoked_reason = $3, revoked_on = $4 where inmate_id = $1 and certificate_number = $2",
                        r.InmateId, r.CertificateNumber, r.Reason, DateOnly.FromDateTime(r.RevokedAt.DateTime));
                    break;
                case CertificateHolderConsentGiven g:
                    batch.Add("""
                        update {schema}.certificates set holder_consents = true,
                            holder_name = (select name from {schema}.holders h where h.inmate_id = $1)
                        where inmate_id = $1 and certificate_number = $2
                        """, g.InmateId, g.CertificateNumber);
                    break;
                case CertificateHolderConsentWithdrawn w:
                    batch.Add("update {schema}.certificates set holder_consents = false, holder_name = null where inmate_id = $1 and certificate_number = $2",
                        w.InmateId, w.CertificateNumber);
                    break;
            }
        }
        await batch.FlushAsync(ct);
    }
}
