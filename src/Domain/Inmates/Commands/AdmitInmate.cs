namespace SecondChance.Domain.Inmates;

public sealed record AdmitInmate(
    Guid InmateId,
    Guid FacilityId,
    string PrisonerNumber,
    string FullName,
    string Cnic,
    Sex Sex,
    DateOnly DateOfBirth,
    LegalStatus LegalStatus,
    string CommittalAuthority,
    DateTimeOffset AdmittedAt,
    bool ConsentToAttribution = false);
