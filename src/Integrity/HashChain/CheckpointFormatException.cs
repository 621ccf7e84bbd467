namespace SecondChance.Integrity.HashChain;

/// <summary>A checkpoint file or body that is not a checkpoint; <see cref="Field"/> is the field at fault.</summary>
public sealed class CheckpointFormatException(string field, string message) : FormatException(message)
{
    public string Field { get; } = field;
}
