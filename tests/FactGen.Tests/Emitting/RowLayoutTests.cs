using System.Collections.Generic;
using System.Text.RegularExpressions;
using FactGen.Emitting;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Emitting;

/// <summary>
/// 0 is none in every optional row column (see <see cref="RowLayout"/>): a column the emitter
/// forgets to write, which stays 0, reads as null or empty, never as another fact's value (text
/// index 0 used to be the first source's outlet).
/// </summary>
public sealed class RowLayoutTests
{
    private const string Probe = """
        using System.Linq;
        using TestProject.Facts;

        namespace Consumer
        {
            /// <summary>Probe.</summary>
            public static class Probe
            {
                private static string Show(object? value) => value == null ? "null" : "'" + value + "'";

                /// <summary>Probe.</summary>
                public static string Run()
                {
                    State state = States.All[0];
                    Actor actor = Actors.All[0];
                    Event @event = Events.All[0];
                    Source source = state.Source;
                    return string.Join("|", new[]
                    {
                        "state.Name=" + Show(state.Name),
                        "state.OfficialName=" + Show(state.OfficialName),
                        "state.Capital=" + Show(state.Capital),
                        "state.Within=" + Show(state.Within),
                        "state.lists=" + (state.RecognizedBy.Count + state.Aliases.Count + state.Labels.Count),
                        "actor.Name=" + Show(actor.Name),
                        "actor.Role=" + Show(actor.Role),
                        "actor.State=" + Show(actor.State),
                        "event.Summary=" + Show(@event.Summary),
                        "event.Place=" + Show(@event.Place),
                        "event.Note=" + Show(@event.Note),
                        "event.Retraction=" + Show(@event.Retraction),
                        "event.lists=" + (@event.Actors.Count + @event.States.Count + @event.ReportedBy.Count + @event.Follows.Count),
                        "source.Outlet=" + Show(source.Outlet),
                        "source.Title=" + Show(source.Title),
                        "source.Published=" + Show(source.Published),
                        "source.Language=" + Show(source.Language),
                        "source.Url=" + Show(source.Url),
                    });
                }
            }
        }
        """;

    [Fact]
    public void ARowNoColumnWasWrittenToReadsAsNone()
    {
        // The small catalog fills every optional column; its rows are then replaced by zeros, as
        // if the emitter had forgotten every column.
        GeneratorRun run = GeneratorHarness.Run(new[] { Facts.Small() });
        Assert.Empty(run.Diagnostics);
        // The file's head (FactCatalogData.Layout) counts the strings and the lists; its data
        // table holds where each string starts, the lists, then the rows.
        Match head = Regex.Match(run.Catalog, @"Part_small = new Storage\(\n\s*""([^""]*)""");
        Assert.True(head.Success);
        int[] counts = Decode(head.Groups[1].Value);
        int replaced = 0;
        string zeroed = Regex.Replace(
            run.Catalog,
            @"private static string Data_small_0\(\) => ""([^""]*)"";",
            match =>
            {
                replaced++;
                int[] data = Decode(match.Groups[1].Value);
                int rows = counts[10] + 1 + counts[11];
                Assert.True(rows < data.Length);
                System.Array.Clear(data, rows, data.Length - rows);
                var encoded = new System.Text.StringBuilder();
                DataEncoding.AppendInts(encoded, data, 0, data.Length);
                return $"private static string Data_small_0() => \"{encoded}\";";
            });
        Assert.Equal(1, replaced);

        Compilation compilation = GeneratorHarness.CreateCompilation(new[] { zeroed, run.Sources["FactGen.Types.g.cs"], Probe });

        // Required text reads as the reserved empty text; every optional column as none.
        Assert.Equal(
            "state.Name=''|state.OfficialName=null|state.Capital=null|state.Within=null|state.lists=0|"
            + "actor.Name=''|actor.Role=null|actor.State=null|"
            + "event.Summary=''|event.Place=null|event.Note=null|event.Retraction=null|event.lists=0|"
            + "source.Outlet=''|source.Title=null|source.Published=null|source.Language=null|source.Url=null",
            GeneratorHarness.Execute(compilation, "Consumer.Probe"));
    }

    /// <summary>The generated decoder, here to take a whole table apart (zigzag ints, 5 bits per character).</summary>
    private static int[] Decode(string data)
    {
        var values = new List<int>();
        int at = 0;
        while (at < data.Length)
        {
            uint value = 0;
            int shift = 0, symbol;
            do
            {
                int c = data[at++];
                symbol = c < 0x5C ? c - 0x23 : c - 0x5D + 57;
                value |= (uint)(symbol & 31) << shift;
                shift += 5;
            }
            while ((symbol & 32) != 0);
            values.Add((int)(value >> 1) ^ -(int)(value & 1));
        }
        return values.ToArray();
    }

    [Fact]
    public void AbsentOptionalKeysReadNullAndAnEmptyTextStaysEmpty()
    {
        // Only the required keys, so every optional column is "none"; and an empty title, which
        // is text of its own, not the reserved index 0.
        const string yaml = """
            source:
              outlet: Only Outlet
              title: ""
            states:
              alone: { name: Alone, kind: sovereign }
            actors:
              someone: { name: Someone, kind: person }
            events:
              thing: { date: 2020, kind: statement, summary: Something happened. }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/bare.facts.yaml", yaml) }, new[] { Probe });
        Assert.Empty(run.Diagnostics);

        Assert.Equal(
            "state.Name='Alone'|state.OfficialName=null|state.Capital=null|state.Within=null|state.lists=0|"
            + "actor.Name='Someone'|actor.Role=null|actor.State=null|"
            + "event.Summary='Something happened.'|event.Place=null|event.Note=null|event.Retraction=null|event.lists=0|"
            + "source.Outlet='Only Outlet'|source.Title=''|source.Published=null|source.Language=null|source.Url=null",
            GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void ReferencesToTheFirstStateStillResolve()
    {
        // References are stored one up: the first state (index 0) must not read as none.
        GeneratorRun run = GeneratorHarness.Run(new[] { Facts.Small() }, new[]
        {
            """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.States.All[0].Id + "|" + TestProject.Facts.Actors.DenisPushilin.State?.Id + "|" + TestProject.Facts.Events.Recognition.Place?.Id;
                }
            }
            """,
        });

        Assert.Equal("donetsk|donetsk|north-korea", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }
}
