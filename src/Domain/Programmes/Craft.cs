namespace SecondChance.Domain.Programmes;

public enum Craft
{
    Painting,
    Embroidery,
    Jewellery,
    Woodwork,
    Garments,
    IT,
    Other,
}
