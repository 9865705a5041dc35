package io.github.tapibridge.sim;

import java.util.List;
import java.util.Objects;

/**
 * The call flow of a scenario as a ladder (sequence) diagram, built from the switch's
 * {@linkplain Simulator#trace() trace}: one column per application, line and remote station, one
 * arrow per request an application makes and per message the switch queues for it, each with the
 * virtual time.
 *
 * <pre>{@code
 * Ladder ladder = Ladder.fromTrace(Simulator.get().trace());
 * log.log(Level.INFO, ladder.toText());         // for logs and test failures
 * Files.writeString(report, ladder.toSvg());     // for reports
 * }</pre>
 *
 * <p>The columns are, from left to right: the applications ({@code app 0x00010001}, by
 * {@code hLineApp}), the lines ({@code line 0}, by device ID, shared by every application that
 * opens the device) and the remote stations ({@code 201}, by the number dialled or set). Events:
 * <ul>
 * <li>{@link EventKind#REQUEST}: a TAPI call by an application, from the application to the line
 * it names (by a line or call handle, or a device ID), labelled with its arguments and result
 * ({@code lineMakeCallW("201") -> request 0x1001}).
 * <li>{@link EventKind#MESSAGE}: a message queued for an application, from the line of its device
 * (a {@code LINE_REPLY} from the line of its request) to the application
 * ({@code LINE_CALLSTATE BUSY}).
 * <li>{@link EventKind#NETWORK}: what the far end of a call did, read from the call's states,
 * between the line and the remote station the call was dialled to: {@code call}, {@code busy},
 * {@code ringing}, {@code answered}, {@code hung up}. The switch does not trace these itself.
 * <li>{@link EventKind#NOTE}: anything else, on one column ({@code tapisim_set_station} on the
 * station: {@code BUSY}) or across all ({@code advance 2000 ms}, injected faults, and every line
 * the parser does not know, kept as it is).
 * </ul>
 * Handles that the trace never introduces (a trace cleared after {@code lineOpen}, or cut to its
 * newest 4 MiB) still get a column, named after the handle ({@code line 0x00010003}).
 *
 * <p>Building a ladder never fails: any text is accepted, and what cannot be read becomes a note.
 * The SVG is written by hand rather than through a library: no SVG or
 * sequence-diagram library on Maven Central fits a small dependency of this library (PlantUML is
 * large and GPL/LGPL, JFreeSVG is GPL, Batik brings megabytes of dependencies), and a ladder needs
 * only lines, rectangles and escaped text.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ladder {

    /** What a column stands for. */
    public enum ColumnKind {
        /** An application ({@code hLineApp}). */
        APPLICATION,
        /** A line device, or a line or call handle whose device the trace does not show. */
        LINE,
        /** A remote station: a number dialled or set with {@code tapisim_set_station}. */
        STATION
    }

    /** What an event stands for. */
    public enum EventKind {
        /** A TAPI or {@code tapisim_} call by an application: an arrow to a line. */
        REQUEST,
        /** A message queued for an application: an arrow from a line. */
        MESSAGE,
        /** What the far end of a call did, read from the call's states: between line and station. */
        NETWORK,
        /** Text on one column, or across all of them. */
        NOTE
    }

    /**
     * A column of the ladder.
     *
     * @param kind what it stands for
     * @param name its heading: {@code app 0x00010001}, {@code line 0}, {@code 201}
     */
    public record Column(ColumnKind kind, String name) {
        /**
         * Creates a column.
         *
         * @param kind what it stands for
         * @param name its heading
         * @throws NullPointerException if an argument is null
         */
        public Column {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * An event of the ladder: an arrow from column {@code from} to column {@code to}, or a note on
     * column {@code from} (then {@code to == from}) or across all columns (both {@link #ACROSS}).
     *
     * @param timeMillis the virtual time in ms since the switch's last reset
     * @param kind what it stands for
     * @param from the index of the column it starts at, in {@link Ladder#columns()}, or
     *        {@link #ACROSS}
     * @param to the index of the column it ends at, or {@link #ACROSS}
     * @param label its text (one line, no control characters)
     */
    public record Event(long timeMillis, EventKind kind, int from, int to, String label) {

        /** The column index of a note across all columns. */
        public static final int ACROSS = -1;

        /**
         * Creates an event.
         *
         * @param timeMillis the virtual time in ms
         * @param kind what it stands for
         * @param from the column it starts at, or {@link #ACROSS}
         * @param to the column it ends at, or {@link #ACROSS}
         * @param label its text
         * @throws NullPointerException if {@code kind} or {@code label} is null
         */
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
        }

        /**
         * Tells whether this event is an arrow between two different columns.
         *
         * @return true for an arrow, false for a note
         */
        public boolean isArrow() {
            return from != to && from != ACROSS && to != ACROSS;
        }
    }

    private final List<Column> columns;
    private final List<Event> events;

    Ladder(List<Column> columns, List<Event> events) {
        this.columns = List.copyOf(columns);
        this.events = List.copyOf(events);
    }

    /**
     * Builds the ladder of a trace in the format of {@link Simulator#trace()}. Never fails on the
     * text: a line it cannot read is kept as a note across all columns.
     *
     * @param trace the trace text
     * @return the ladder
     * @throws NullPointerException if {@code trace} is null
     */
    public static Ladder fromTrace(String trace) {
        return new LadderParser().parse(Objects.requireNonNull(trace, "trace"));
    }

    /**
     * Returns the columns, from left to right.
     *
     * @return the columns (unmodifiable)
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * Returns the events, in trace order (from top to bottom).
     *
     * @return the events (unmodifiable)
     */
    public List<Event> events() {
        return events;
    }

    /**
     * Renders the ladder as plain text for logs and test failures: a heading row with the column
     * names, then one row per event with the virtual time in ms on the left, the columns as
     * {@code |} and arrows as {@code |--label-->|} or {@code |<--label--|}. Columns are spaced so
     * that every label fits (labels longer than 72 characters are shortened with {@code ...}).
     * Lines end with {@code \n}.
     *
     * @return the text
     */
    public String toText() {
        return LadderText.render(this);
    }

    /**
     * Renders the ladder as a standalone SVG 1.1 document (UTF-8, monospace text), for reports.
     * All text is escaped for XML.
     *
     * @return the SVG document
     */
    public String toSvg() {
        return LadderSvg.render(this);
    }

    @Override
    public String toString() {
        return "Ladder[" + columns.size() + " columns, " + events.size() + " events]";
    }
}
