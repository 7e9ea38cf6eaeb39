using System;
using System.Collections.Generic;
using FactGen.Models;
using Microsoft.CodeAnalysis;

namespace FactGen.Diagnostics;

/// <summary>
/// Where the read stage collects one file's diagnostics. Some text is read only to keep what it
/// declares, and what it would report is not wanted (the one error is elsewhere: text the parser
/// could not read, keys whose id line is missing, a file that is not text); other text is read and
/// then marked by whether it had an error. Both open a <see cref="Scope"/>: what is reported while it
/// is open is kept (<see cref="Scope.Commit"/>) or taken back (<see cref="Scope.Discard"/>) as a
/// whole, and the scope tells whether it holds an error. Scopes nest, and each holds its own
/// diagnostics, so nothing counts positions in a shared list.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo> _kept = new();
    private Scope? _innermost;

    /// <summary>The diagnostics kept, in the order reported. Read once every scope is closed.</summary>
    public IReadOnlyList<DiagnosticInfo> Kept
        => _innermost is null ? _kept : throw new InvalidOperationException("A diagnostic scope is still open.");

    /// <summary>Adds a diagnostic to the innermost open scope, or to the kept ones where none is open.</summary>
    public void Report(DiagnosticInfo diagnostic) => (_innermost?.Held ?? _kept).Add(diagnostic);

    /// <summary>Opens a scope inside the innermost open one; it must be closed before that one is.</summary>
    public Scope BeginScope() => _innermost = new Scope(this, _innermost);

    /// <summary>Diagnostics reported while it is open, held until it is committed or discarded.</summary>
    internal sealed class Scope
    {
        private readonly DiagnosticSink _sink;
        private readonly Scope? _outer;
        private bool _closed;

        public Scope(DiagnosticSink sink, Scope? outer)
        {
            _sink = sink;
            _outer = outer;
        }

        internal List<DiagnosticInfo> Held { get; } = new();

        /// <summary>
        /// Whether it holds an error (not a warning) other than <paramref name="except"/>, a
        /// descriptor whose errors do not count (a misspelt key is an error, but the key is read
        /// as the one it misspells).
        /// </summary>
        public bool HasErrorsOtherThan(DiagnosticDescriptor except)
        {
            foreach (DiagnosticInfo diagnostic in Held)
            {
                if (diagnostic.EffectiveSeverity == DiagnosticSeverity.Error && diagnostic.Descriptor != except) return true;
            }
            return false;
        }

        /// <summary>Keeps what it holds: it moves to the scope outside it, or to the kept diagnostics.</summary>
        public void Commit()
        {
            Close();
            (_outer?.Held ?? _sink._kept).AddRange(Held);
        }

        /// <summary>Takes back everything reported while it was open.</summary>
        public void Discard() => Close();

        private void Close()
        {
            // Closing out of order is a bug in the reader, which any test finds.
            if (_closed || !ReferenceEquals(_sink._innermost, this)) throw new InvalidOperationException("Diagnostic scopes must be closed innermost first, once.");
            _closed = true;
            _sink._innermost = _outer;
        }
    }
}
