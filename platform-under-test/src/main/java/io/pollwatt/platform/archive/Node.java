package io.pollwatt.platform.archive;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A YAML value as written, with the place it was written at, so every problem can name its line and column. */
sealed interface Node permits Node.MapNode, Node.SeqNode, Node.ScalarNode {

    /** Where the value starts (for a block mapping: its first key). */
    Loc loc();

    /** The value as the "got '…'" part of an error shows it. */
    String shown();

    /** A 1-based line and column. */
    record Loc(int line, int column) implements Comparable<Loc> {
        static final Loc START = new Loc(1, 1);

        @Override
        public int compareTo(Loc o) {
            return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
        }
    }

    /** One key of a mapping, with the key's own location. */
    record Entry(String key, Loc keyLoc, Node value) {}

    /** A mapping; keys are unique (duplicates were reported while reading). */
    record MapNode(Loc loc, List<Entry> entries) implements Node {
        public MapNode {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String shown() {
            return "{…}";
        }
    }

    /** A sequence. */
    record SeqNode(Loc loc, List<Node> items) implements Node {
        public SeqNode {
            items = List.copyOf(items);
        }

        @Override
        public String shown() {
            return "[…]";
        }
    }

    /** What YAML made of a scalar: Jackson's plain-scalar resolution (true/false only are booleans). */
    enum ScalarType {
        STRING,
        INT,
        FLOAT,
        BOOLEAN,
        NULL
    }

    /**
     * A scalar: its text as written, its YAML type and, for numbers, the value.
     *
     * @param loc where it is
     * @param text the text ({@code ""} for an empty value)
     * @param type what YAML resolved it to
     * @param number the value of an INT or FLOAT, NaN otherwise
     */
    record ScalarNode(Loc loc, String text, ScalarType type, double number) implements Node {

        boolean isNull() {
            return type == ScalarType.NULL;
        }

        boolean isNumber() {
            return type == ScalarType.INT || type == ScalarType.FLOAT;
        }

        @Override
        public String shown() {
            return text;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s@%d:%d", text, loc.line(), loc.column());
        }
    }
}
