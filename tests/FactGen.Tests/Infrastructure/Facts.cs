using System.IO;

namespace FactGen.Tests.Infrastructure;

/// <summary>Fact files shared by tests.</summary>
public static class Facts
{
    public static FactFile Seed => new(RepositoryPaths.SeedFile, File.ReadAllText(RepositoryPaths.SeedFile));

    public const string MinimalSource = """
        source:
          outlet: Test Wire
          title: "A test article"
          published: 2024-03-09
          language: en
          url: https://example.org/article
        """;

    /// <summary>A small valid catalog: two states that recognize each other, actors, events.</summary>
    public static FactFile Small(string path = "/facts/small.facts.yaml") => new(path, MinimalSource + """

        states:
          north-korea:
            name: North Korea
            official_name: Democratic People's Republic of Korea
            kind: sovereign
            capital: Pyongyang
            recognized_by: [donetsk]
            aliases: [DPRK]
            labels: { id: Korea Utara, fr: Corée du Nord }
          donetsk:
            name: Donetsk People's Republic
            kind: breakaway
            recognized_by: [north-korea]
        actors:
          denis-pushilin:
            name: Denis Pushilin
            kind: person
            role: head of the Donetsk People's Republic
            state: donetsk
          kcna:
            name: KCNA
            kind: media
            state: north-korea
        events:
          letter:
            date: 2022-08-15
            kind: letter
            summary: Pushilin wrote to Kim.
            actors: [denis-pushilin]
            states: [donetsk, north-korea]
            reported_by: [kcna]
          report:
            date: 2022-08-17
            kind: report
            summary: KCNA published the letter.
            actors: [kcna]
            reported_by: [kcna]
            follows: [letter]
            status: confirmed
          recognition:
            date: 2022-07
            kind: recognition
            summary: North Korea recognized Donetsk.
            states: [north-korea, donetsk]
            place: north-korea
            note: The month only.
        """);
}
