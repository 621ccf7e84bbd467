using SecondChance.Domain.Programmes;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

public sealed class ProgrammeDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private readonly string _table = $"{options.Schema}.programme_directory";

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch b)
    {
        foreach (var stored in events)
        {
            var v = stored.Version;
            switch (stored.Data)
            {
                case ProgrammeOpened e:
                    b.Add($"""
                        insert into {_table} (programme_id, facility_id, name, craft, skills, capacity, enrolled, status,
                                              instructor_name, opened_on, version)
                        values ($1, $2, $3, $4, $5, $6, 0, 'Open', $7, $8, $9)
                        """, e.ProgrammeId, e.FacilityId, e.Name, e.Craft.ToString(), e.Skills.ToArray(), e.Capacity,
                        e.InstructorName, e.OpenedOn, v);
                    break;
                case ProgrammeClosed e:
                    b.Add($"update {_table} set status = 'Closed', version = $2 where programme_id = $1", e.ProgrammeId, v);
                    break;
                case ProgrammeSeatTaken e:
                    b.Add($"update {_table} set enrolled = $2, version = $3 where programme_id = $1", e.ProgrammeId, e.EnrolledCount, v);
                    break;
                case ProgrammeSeatFreed e:
                    b.Add($"update {_table} set enrolled = $2, version = $3 where programme_id = $1", e.ProgrammeId, e.EnrolledCount, v);
                    break;
            }
        }
    }
}
