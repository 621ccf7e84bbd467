using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Programmes;

namespace SecondChance.Domain.Tests.Support;

public static class F
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(5));
    public static readonly DateTimeOffset AdmittedAt = Now.AddDays(-100);
    public static readonly DateTimeOffset TooLate = Now.AddHours(1);

    public static readonly Guid FacilityId = Id(1);
    public static readonly Guid OtherFacilityId = Id(2);
    public static readonly Guid MaleUntriedWard = Id(20);
    public static readonly Guid MaleConvictedWard = Id(21);
    public static readonly Guid FemaleUntriedWard = Id(22);
    public static readonly Guid JuvenileMaleWard = Id(23);
    public static readonly Guid InmateId = Id(100);
    public static readonly Guid WomanId = Id(101);
    public static readonly Guid JuvenileId = Id(102);
    public static readonly Guid SecondMakerId = Id(103);
    public static readonly Guid ProgrammeId = Id(200);
    public static readonly Guid ItemId = Id(300);
    public static readonly Guid SaleId = Id(301);
    public static readonly Guid MentorId = Id(400);
    public static readonly Guid PostingId = Id(500);

    public static readonly DateOnly AdultBirth = new(1990, 5, 17);
    public static readonly DateOnly JuvenileBirth = new(2010, 1, 2);

    public static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    public static FacilityRegistered FacilityRegistered(Guid? id = null) =>
        new(id ?? FacilityId, "Central Prison Karachi", "KHI-CP", "Asia/Karachi", true);

    public static ProceedsPolicyAdopted Policy(DateOnly from, int inmate = 6000, int welfare = 2500, int materials = 1500, int savings = 2500, int family = 0) =>
        new(FacilityId, from, inmate, welfare, materials, savings, family);

    public static object[] Facility() =>
    [
        FacilityRegistered(),
        new WardAdded(FacilityId, MaleUntriedWard, "Barrack 1", WardCategory.AdultMale, WardDesignation.Untried),
        new WardAdded(FacilityId, MaleConvictedWard, "Barrack 2", WardCategory.AdultMale, WardDesignation.Convicted),
        new WardAdded(FacilityId, FemaleUntriedWard, "Women's barrack", WardCategory.AdultFemale, WardDesignation.Untried),
        new WardAdded(FacilityId, JuvenileMaleWard, "Youthful offenders", WardCategory.JuvenileMale, WardDesignation.Untried),
        Policy(new DateOnly(2025, 1, 1)),
    ];

    public static InmateAdmitted Admitted(Guid? id = null, Sex sex = Sex.Male, DateOnly? born = null, LegalStatus status = LegalStatus.Remand,
        string number = "KHI-2026-0001", bool consent = false) =>
        new(id ?? InmateId, FacilityId, number, "Ali Raza", "42101-1234567-1", sex, born ?? AdultBirth, status,
            "Judicial Magistrate, Karachi South", AdmittedAt, consent);

    public static AdmitInmate Admit(Guid? id = null, string number = "KHI-2026-0001", string cnic = "42101-1234567-1") =>
        new(id ?? InmateId, FacilityId, number, "Ali Raza", cnic, Sex.Male, AdultBirth, LegalStatus.Remand,
            "Judicial Magistrate, Karachi South", AdmittedAt);

    public static ProgrammeOpened ProgrammeOpened(int capacity = 2, Guid? facility = null) =>
        new(ProgrammeId, facility ?? FacilityId, "Truck art painting", Craft.Painting, ["Truck art", "Calligraphy"], capacity,
            Id(250), "Ustad Haider", new DateOnly(2026, 1, 10));

    public static InmateEnrolled Enrolled(Guid? inmate = null) => new(inmate ?? InmateId, ProgrammeId, AdmittedAt.AddDays(10));

    public static ProgrammeSeatTaken SeatTaken(Guid inmate, int count) => new(ProgrammeId, inmate, count);

    public static ItemProduced Produced(params MakerWork[] makers) =>
        new(ItemId, FacilityId, ProgrammeId, "Hand-painted truck-art kettle", Craft.Painting,
            makers.Length > 0 ? makers : [new MakerWork(InmateId, 600)], 40_000, "PKR", Now.AddDays(-20));

    public static ItemListed Listed(long price = 250_000) => new(ItemId, price, "PKR", Now.AddDays(-10));

    public static MentorRegistered MentorRegistered() => new(MentorId, "Sadia Khan", "35202-7654321-2", "0300-1234567", "Rozan Trust");

    public static MentorVetted MentorVetted() => new(MentorId, "Welfare Officer", new DateOnly(2026, 1, 5), "VET-17");
}
