using SecondChance.Domain.Mentors;

namespace SecondChance.Application.Mentors;

public sealed class RegisterMentorHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(RegisterMentor command, CommandContext context, CancellationToken ct)
    {
        command = command with { MentorId = Ids.OrNew(command.MentorId) };
        var mentor = await streams.MentorAsync(command.MentorId, ct, context);
        return await executor.CommitAsync(context, command.MentorId, mentor, MentorDecider.Decide(mentor.State, command, executor.Now), ct);
    }
}
