using SecondChance.Domain.Mentors;

namespace SecondChance.Application.Mentors;

public sealed class VetMentorHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(VetMentor command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.MentorAsync(command.MentorId, ct, context), command.MentorId, context, (s, now) => MentorDecider.Decide(s, command, now), ct);
}
