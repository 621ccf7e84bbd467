using System.Net;
using FluentAssertions;

namespace SecondChance.Host.Tests.Support;

/// <summary>Builds the world a test needs through the API itself.</summary>
public sealed class Scenario(Api api)
{
    public const string Past = "2025-03-01T09:00:00+05:00";
    private static int _numbers;

    public sealed record Facility(Guid Id, Guid MaleWard, Guid FemaleWard, Guid JuvenileWard);

    public async Task<Facility> FacilityAsync(bool withPolicy = true)
    {
        var id = (await Created("/facilities", new { name = "Karachi Central Jail", code = "KCJ", timeZoneId = "Asia/Karachi" })).Id;
        var male = await Ok($"/facilities/{id}/wards", new { name = "Block A", category = "AdultMale" });
        var female = await Ok($"/facilities/{id}/wards", new { name = "Women's ward", category = "AdultFemale" });
        var juvenile = await Ok($"/facilities/{id}/wards", new { name = "Youth ward", category = "JuvenileMale" });
        if (withPolicy) await Ok($"/facilities/{id}/proceeds-policies", Policy("2025-01-01"));
        return new Facility(id, male.Id, female.Id, juvenile.Id);
    }

    public static object Policy(string effectiveFrom, int inmateShare = 6000) => new
    {
        effectiveFrom, inmateShareBasisPoints = inmateShare, welfareFundBasisPoints = 9000 - inmateShare,
        materialsRecoveryBasisPoints = 1000, savingsRateBasisPoints = 2500,
    };

    public static object Admission(Guid facilityId, string sex = "Male", string dateOfBirth = "1990-05-05", string? number = null) => new
    {
        facilityId,
        prisonerNumber = number ?? $"KCJ-{Interlocked.Increment(ref _numbers)}",
        fullName = "Imran Khan Afridi",
        cnic = "42101-1234567-1",
        sex,
        dateOfBirth,
        legalStatus = "Convicted",
        committalAuthority = "Sessions Court Karachi South",
        admittedAt = "2025-01-10T10:00:00+05:00",
    };

    public async Task<Guid> AdmitAsync(Guid facilityId, string sex = "Male", string dateOfBirth = "1990-05-05") =>
        (await Created("/inmates", Admission(facilityId, sex, dateOfBirth))).Id;

    public static object Programme(Guid facilityId, int capacity = 10) => new
    {
        facilityId, name = "Embroidery for beginners", craft = "Embroidery", skills = new[] { "Chain stitch", "Zardozi" },
        capacity, instructorId = Guid.NewGuid(), instructorName = "Ayesha Siddiqui", openedOn = "2025-01-15",
    };

    public async Task<Guid> ProgrammeAsync(Guid facilityId, int capacity = 10) =>
        (await Created("/programmes", Programme(facilityId, capacity))).Id;

    public Task<ApiResponse> EnrolAsync(Guid programmeId, Guid inmateId) =>
        api.PostAsync($"/programmes/{programmeId}/enrolments", new { inmateId, enrolledAt = Past });

    public async Task<Guid> MentorAsync(bool vetted = true)
    {
        var id = (await Created("/mentors", new { fullName = "Bilal Ahmed", cnic = "35202-7654321-3", phone = "0300-1234567", organisation = "Rozan" })).Id;
        if (vetted) await Ok($"/mentors/{id}/vetting", new { vettedBy = "Welfare officer", vettedOn = "2025-02-01", reference = "V-1" });
        return id;
    }

    public static object Item(Guid facilityId, Guid programmeId, params (Guid Inmate, int Minutes)[] makers) => new
    {
        facilityId, programmeId, description = "Embroidered shawl", craft = "Embroidery",
        makers = makers.Select(m => new { inmateId = m.Inmate, minutesWorked = m.Minutes }).ToArray(),
        materialsCostMinor = 150_000, currency = "PKR", producedAt = Past,
    };

    public async Task<Guid> ListedItemAsync(Guid facilityId, Guid programmeId, params (Guid Inmate, int Minutes)[] makers)
    {
        var id = (await Created("/items", Item(facilityId, programmeId, makers))).Id;
        await Ok($"/items/{id}/listing", new { priceMinor = 1_000_000, currency = "PKR", listedAt = Past });
        return id;
    }

    /// <summary>A facility with a policy, an inmate enrolled in a programme there.</summary>
    public async Task<(Facility Facility, Guid Programme, Guid Inmate)> EnrolledInmateAsync()
    {
        var facility = await FacilityAsync();
        var programme = await ProgrammeAsync(facility.Id);
        var inmate = await AdmitAsync(facility.Id);
        (await EnrolAsync(programme, inmate)).Status.Should().Be(HttpStatusCode.OK);
        return (facility, programme, inmate);
    }

    public async Task<ApiResponse> Created(string path, object body)
    {
        var r = await api.PostAsync(path, body);
        r.Status.Should().Be(HttpStatusCode.Created, r.ToString());
        return r;
    }

    public async Task<ApiResponse> Ok(string path, object body)
    {
        var r = await api.PostAsync(path, body);
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r;
    }
}
