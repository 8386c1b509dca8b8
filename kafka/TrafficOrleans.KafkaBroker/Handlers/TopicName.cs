namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>Kafka's topic-name rules: 1–249 of [a-zA-Z0-9._-], not "." or "..".</summary>
internal static class TopicName
{
    private const int MaxLength = 249;

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name is not "." and not ".."
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
