using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Programmes;

namespace SecondChance.Host.Demo;

/// <summary>The fixed cast of the demo: facilities, wards, programmes, mentors and names. Ids are name-based, so every run agrees.</summary>
public static class DemoWorld
{
    private static readonly Guid Namespace = new("0d6c9a52-3f1e-4f7b-a1c4-5e2b8d9f7a30");

    public static Guid Id(string name) => DeterministicGuid.Create(Namespace, name);

    public sealed record WardPlan(Guid Id, string Name, WardCategory Category, WardDesignation Designation);
    public sealed record FacilityPlan(Guid Id, string Name, string Code, string Actor, IReadOnlyList<WardPlan> Wards);
    public sealed record ProgrammePlan(Guid Id, Guid FacilityId, string Name, Craft Craft, string[] Skills, bool ForWomen, string Instructor, string[] Products);
    public sealed record MentorPlan(Guid Id, string Name, string Organisation);

    /// <summary>A small Karachi ward certified for two and holding three: the demo's overcrowding.</summary>
    public const string RemandAnnexe = "Remand annexe (under trial)";

    public static readonly FacilityPlan Karachi = new(Id("facility:karachi"), "Central Jail Karachi", "CJK", "demo:welfare.officer.karachi",
    [
        Ward("karachi", "Men's barrack 1 (under trial)", WardCategory.AdultMale, WardDesignation.Untried),
        Ward("karachi", "Men's barrack 4 (convicted)", WardCategory.AdultMale, WardDesignation.Convicted),
        Ward("karachi", "Women's ward (under trial)", WardCategory.AdultFemale, WardDesignation.Untried),
        Ward("karachi", "Women's ward (convicted)", WardCategory.AdultFemale, WardDesignation.Convicted),
        Ward("karachi", "Juvenile ward (under trial)", WardCategory.JuvenileMale, WardDesignation.Untried),
        Ward("karachi", "Juvenile ward (convicted)", WardCategory.JuvenileMale, WardDesignation.Convicted),
        Ward("karachi", RemandAnnexe, WardCategory.AdultMale, WardDesignation.Untried),
    ]);

    public static readonly FacilityPlan Peshawar = new(Id("facility:peshawar"), "Central Jail Peshawar", "CJP", "demo:welfare.officer.peshawar",
    [
        Ward("peshawar", "Block A (under trial)", WardCategory.AdultMale, WardDesignation.Untried),
        Ward("peshawar", "Block C (convicted)", WardCategory.AdultMale, WardDesignation.Convicted),
    ]);

    public static IReadOnlyList<FacilityPlan> Facilities { get; } = [Karachi, Peshawar];

    public static IReadOnlyList<ProgrammePlan> Programmes { get; } =
    [
        new(Id("programme:karachi:rilli"), Karachi.Id, "Sindhi embroidery and rilli quilting", Craft.Embroidery, ["Rilli appliqué", "Mirror work"], true,
            "Nasreen Soomro", ["Rilli quilt", "Mirror-work cushion cover", "Embroidered shawl"]),
        new(Id("programme:karachi:beads"), Karachi.Id, "Beadwork and jewellery", Craft.Jewellery, ["Bead stringing", "Silver wire work"], true,
            "Farzana Qureshi", ["Beaded necklace", "Silver-wire earrings", "Bangle set"]),
        new(Id("programme:karachi:tailoring"), Karachi.Id, "Tailoring and garment making", Craft.Garments, ["Pattern cutting", "Machine stitching"], false,
            "Muhammad Iqbal", ["Shalwar kameez", "School uniform set", "Kurta"]),
        new(Id("programme:karachi:carpentry"), Karachi.Id, "Carpentry and furniture", Craft.Woodwork, ["Joinery", "Wood finishing"], false,
            "Abdul Ghaffar", ["Wooden stool", "Bookshelf", "Charpai frame"]),
        new(Id("programme:karachi:it"), Karachi.Id, "Computer literacy and office IT", Craft.IT, ["Office software", "Typing in Urdu and English"], false,
            "Sadia Khan", []),
        new(Id("programme:peshawar:woodcarving"), Peshawar.Id, "Peshawari woodcarving", Craft.Woodwork, ["Relief carving", "Inlay"], false,
            "Gul Rahman", ["Carved jewellery box", "Walnut serving tray", "Carved wall panel"]),
        new(Id("programme:peshawar:truckart"), Peshawar.Id, "Truck art painting", Craft.Painting, ["Truck art motifs", "Lettering"], false,
            "Sher Ali Afridi", ["Truck-art kettle", "Painted tin trunk", "Truck-art wall plate"]),
        new(Id("programme:peshawar:it"), Peshawar.Id, "Computer literacy (IT)", Craft.IT, ["Office software", "Internet safety"], false,
            "Imran Yousafzai", []),
    ];

    public static IReadOnlyList<MentorPlan> Mentors { get; } =
    [
        new(Id("mentor:1"), "Ayesha Siddiqui", "Legal Aid Society"), new(Id("mentor:2"), "Bilal Ahmed", "Prisoners' Aid Karachi"),
        new(Id("mentor:3"), "Rukhsana Bibi", "Women's Shelter Trust"), new(Id("mentor:4"), "Kamran Shah", "Youth Reintegration Forum"),
        new(Id("mentor:5"), "Shazia Mirza", "Legal Aid Society"), new(Id("mentor:6"), "Noor Muhammad", "Khyber Welfare Society"),
        new(Id("mentor:7"), "Zainab Khattak", "Khyber Welfare Society"), new(Id("mentor:8"), "Tariq Mehmood", "Skills for Life Peshawar"),
    ];

    /// <summary>Karachi's inmates are mentored by the first five, Peshawar's by the last three.</summary>
    public static IReadOnlyList<MentorPlan> MentorsOf(FacilityPlan facility) => facility == Karachi ? Mentors.Take(5).ToList() : Mentors.Skip(5).ToList();

    /// <summary>Three inmates in five are Karachi's, the others Peshawar's.</summary>
    public static FacilityPlan FacilityOf(int inmate) => inmate % 5 < 3 ? Karachi : Peshawar;

    public static readonly string[] MenFirst = ["Muhammad", "Ali", "Ahmed", "Hassan", "Usman", "Bilal", "Imran", "Faisal", "Zubair", "Asif",
        "Naveed", "Shahid", "Kashif", "Rashid", "Waqas", "Adnan", "Sajid", "Gul", "Noor", "Hamid", "Yasir", "Javed", "Tariq", "Irfan"];
    public static readonly string[] WomenFirst = ["Ayesha", "Fatima", "Zainab", "Shazia", "Nazia", "Rubina", "Samina", "Parveen", "Bushra",
        "Kiran", "Saima", "Asma", "Noreen", "Hina", "Rukhsana", "Shabana"];
    public static readonly string[] Family = ["Khan", "Baloch", "Soomro", "Memon", "Qureshi", "Siddiqui", "Shaikh", "Abbasi", "Afridi",
        "Yousafzai", "Khattak", "Mahsud", "Jatoi", "Chandio", "Bhatti", "Mughal", "Ansari", "Rind", "Brohi", "Durrani"];

    private static WardPlan Ward(string facility, string name, WardCategory category, WardDesignation designation) =>
        new(Id($"ward:{facility}:{name}"), name, category, designation);
}
