using SecondChance.Domain.Inmates;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

/// <summary>Who is held where, in what status and programmes: the inmate list, current as soon as a command returns.</summary>
public sealed class InmateDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private const string StreamPrefix = "inmate-";
    private readonly string _inmates = $"{options.Schema}.inmate_directory";
    private readonly string _enrolments = $"{options.Schema}.inmate_enrolments";

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch batch)
    {
        foreach (var e in events) Apply(batch, e);
    }

    private void Apply(SqlBatch b, StoredEvent stored)
    {
        var v = stored.Version;
        switch (stored.Data)
        {
            case InmateAdmitted e:
                b.Add($"""
                    insert into {_inmates} (inmate_id, facility_id, prisoner_number, full_name, sex, date_of_birth, legal_status,
                                            status, admitted_at, version)
                    values ($1, $2, $3, $4, $5, $6, $7, 'Admitted', $8, $9)
                    """, e.InmateId, e.FacilityId, e.PrisonerNumber, e.FullName, e.Sex.ToString(), e.DateOfBirth,
                    e.LegalStatus.ToString(), e.AdmittedAt, v);
                break;
            case InmateHoused e: Set(b, e.InmateId, v, "ward_id = $3", e.WardId); break;
            case InmateTransferred e:
                Set(b, e.InmateId, v, "facility_id = $3, prisoner_number = $4, ward_id = null", e.ToFacilityId, e.PrisonerNumber);
                break;
            case LegalStatusChanged e: Set(b, e.InmateId, v, "legal_status = $3", e.To.ToString()); break;
            case MentorAssigned e: Set(b, e.InmateId, v, "mentor_id = $3", e.MentorId); break;
            case MentorUnassigned e: Set(b, e.InmateId, v, "mentor_id = null"); break;
            case ReleasePlanned e: Set(b, e.InmateId, v, "expected_release_date = $3", e.ExpectedReleaseDate); break;
            case InmateReleased e: Set(b, e.InmateId, v, "status = 'Released', released_at = $3, ward_id = null", e.ReleasedAt); break;
            case InmateRecordCorrected e:
                foreach (var c in e.Corrections) Correct(b, e.InmateId, v, c);
                break;
            case InmateEnrolled e:
                b.Add($"""
                    insert into {_enrolments} (inmate_id, programme_id, status, enrolled_at) values ($1, $2, 'Active', $3)
                    on conflict (inmate_id, programme_id) do update set status = 'Active', enrolled_at = excluded.enrolled_at
                    """, e.InmateId, e.ProgrammeId, e.EnrolledAt);
                Set(b, e.InmateId, v, "");
                break;
            case InmateWithdrewFromProgramme e: EndEnrolment(b, e.InmateId, e.ProgrammeId, v, "Withdrawn"); break;
            case InmateCompletedProgramme e: EndEnrolment(b, e.InmateId, e.ProgrammeId, v, "Completed"); break;
            default:
                if (stored.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal))
                    Set(b, Guid.ParseExact(stored.StreamId[StreamPrefix.Length..], "N"), v, "");
                break;
        }
    }

    private void Correct(SqlBatch b, Guid inmateId, long v, FieldCorrection c)
    {
        switch (c.Field)
        {
            case CorrectableFields.FullName: Set(b, inmateId, v, "full_name = $3", c.CorrectedValue.Trim()); break;
            case CorrectableFields.Sex: Set(b, inmateId, v, "sex = $3", c.CorrectedValue); break;
            case CorrectableFields.DateOfBirth when CorrectableFields.TryParseDate(c.CorrectedValue, out var dob):
                Set(b, inmateId, v, "date_of_birth = $3", dob);
                break;
            default: Set(b, inmateId, v, ""); break;
        }
    }

    private void EndEnrolment(SqlBatch b, Guid inmateId, Guid programmeId, long v, string status)
    {
        b.Add($"update {_enrolments} set status = $3 where inmate_id = $1 and programme_id = $2", inmateId, programmeId, status);
        Set(b, inmateId, v, "");
    }

    private void Set(SqlBatch b, Guid inmateId, long version, string assignments, params object?[] values)
    {
        var set = assignments.Length == 0 ? "version = $2" : $"{assignments}, version = $2";
        b.Add($"update {_inmates} set {set} where inmate_id = $1", [inmateId, version, .. values]);
    }
}
