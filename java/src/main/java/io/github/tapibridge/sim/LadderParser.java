package io.github.tapibridge.sim;

import io.github.tapibridge.sim.Ladder.Column;
import io.github.tapibridge.sim.Ladder.ColumnKind;
import io.github.tapibridge.sim.Ladder.Event;
import io.github.tapibridge.sim.Ladder.EventKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the trace of {@code native/sim/trace.c} into a {@link Ladder}, in two passes: the first
 * learns which handle belongs to which application, line and remote station (from
 * {@code lineInitializeEx}, {@code lineOpen}, {@code lineMakeCall} and the messages, so that a
 * trace that starts after them still resolves), the second turns each line into events. One
 * instance per trace; not thread-safe.
 */
final class LadderParser {

    /** One trace line: the virtual time and what follows it, or a line that is not in the format. */
    private record Line(long time, TraceLine parsed) {
    }

    /** Functions whose first argument is an {@code hLineApp}, and which also name a device. */
    private static final Set<String> APP_DEVICE_FUNCTIONS = Set.of("lineNegotiateAPIVersion",
            "lineGetDevCapsW", "lineGetDevCaps", "lineGetAddressCapsW", "lineGetAddressCaps",
            "lineOpenW", "lineOpen");
    /** Functions whose first argument is an {@code hCall}. */
    private static final Set<String> CALL_FUNCTIONS = Set.of("lineAnswer", "lineDrop",
            "lineDeallocateCall", "lineGetCallStatus", "lineGetCallInfoW", "lineGetCallInfo",
            "lineCompleteCall");
    /** The call states that tell what the far end of a dialled call did. */
    private static final Set<String> FAR_END_STATES = Set.of("DIALING", "PROCEEDING", "RINGBACK", "BUSY",
            "CONNECTED", "DISCONNECTED");
    private static final String[] COMPLETION_MODES = {"CAMPON", "CALLBACK", "INTRUDE", "MESSAGE"};

    // What the first pass learns.
    private final Map<Long, String> appNames = new HashMap<>();
    private final Map<Long, Long> lineDevice = new HashMap<>();   // hLine -> device ID
    private final Map<Long, Long> callLine = new HashMap<>();     // hCall -> hLine
    private final Map<Long, Long> owner = new HashMap<>();        // hLine / hCall -> hLineApp
    private final Map<Long, String> remote = new HashMap<>();     // hCall -> number dialled
    private final Map<Long, Long> requestSubject = new HashMap<>(); // request ID -> handle
    private final Map<Long, Long> requestApp = new HashMap<>();     // request ID -> hLineApp
    private final Set<Long> calls = new HashSet<>();

    // What the second pass builds.
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Set<Long> dialled = new HashSet<>();

    Ladder parse(String trace) {
        List<Line> lines = new ArrayList<>();
        long time = 0;
        for (String raw : trace.split("\r?\n")) {
            if (raw.isBlank()) {
                continue;
            }
            String body = raw;
            int i = 0;
            while (i < raw.length() && raw.charAt(i) == ' ') {
                i++;
            }
            int j = i;
            while (j < raw.length() && j - i < 18 && raw.charAt(j) >= '0' && raw.charAt(j) <= '9') {
                j++;
            }
            if (j > i && j < raw.length() && raw.charAt(j) == ' ') {
                time = Long.parseLong(raw, i, j, 10);
                body = raw.substring(j + 1);
            }
            lines.add(new Line(time, TraceLine.parse(body.strip())));
        }
        for (Line l : lines) {
            learn(l.parsed());
        }
        for (Line l : lines) {
            emit(l.time(), l.parsed());
        }
        return sorted();
    }

    // ---- first pass ------------------------------------------------------------------------

    private void learn(TraceLine t) {
        if (t instanceof TraceLine.Call c) {
            Long first = c.handleArg(0);
            if (c.function().startsWith("lineInitializeEx") && c.ok()) {
                Long app = c.extraHandle("hLineApp");
                if (app != null && app != 0) {
                    appNames.put(app, c.arg(0));
                }
            } else if (c.function().startsWith("lineOpen") && c.ok() && first != null) {
                Long line = c.extraHandle("hLine");
                Long device = c.numberArg(1);
                if (line != null && line != 0 && device != null) {
                    lineDevice.put(line, device);
                    owner.put(line, first);
                }
            } else if (c.function().startsWith("lineMakeCall") && first != null) {
                Long call = c.extraHandle("hCall");
                if (call != null && call != 0) {
                    callLine.put(call, first);
                    calls.add(call);
                    remote.put(call, c.arg(1));
                }
            }
            if (CALL_FUNCTIONS.contains(c.function()) && first != null) {
                calls.add(first);
            }
            if (c.request() != null && first != null) {
                requestSubject.put(c.request(), first);
            }
        } else if (t instanceof TraceLine.Message m) {
            if (m.device() != 0) {
                owner.putIfAbsent(m.device(), m.app());
            }
            if (m.name().equals("LINE_CALLSTATE") || m.name().equals("LINE_CALLINFO")) {
                calls.add(m.device());
            } else if (m.name().equals("LINE_APPNEWCALL")) {
                callLine.put(m.param(1), m.device());
                calls.add(m.param(1));
                owner.putIfAbsent(m.param(1), m.app());
            } else if (m.name().equals("LINE_REPLY")) {
                requestApp.put(m.param(0), m.app());
            }
        }
    }

    // ---- second pass -----------------------------------------------------------------------

    private void emit(long time, TraceLine t) {
        if (t instanceof TraceLine.Message m) {
            message(time, m);
        } else if (t instanceof TraceLine.Call c) {
            call(time, c);
        } else if (t instanceof TraceLine.Lost l) {
            int app = appColumn(l.app());
            events.add(new Event(time, EventKind.NOTE, app, app, "LOST " + l.message()));
        } else {
            across(time, ((TraceLine.Other) t).text());
        }
    }

    private void across(long time, String text) {
        events.add(new Event(time, EventKind.NOTE, Event.ACROSS, Event.ACROSS, clean(text)));
    }

    private void call(long time, TraceLine.Call c) {
        String f = c.function();
        Long first = c.handleArg(0);
        if (f.equals("tapisim_set_station")) {
            int station = stationColumn(c.arg(0));
            events.add(new Event(time, EventKind.NOTE, station, station, clean(c.arg(1) + result(c))));
            return;
        }
        if (f.equals("tapisim_close_line") && c.numberArg(0) != null) {
            int line = column(ColumnKind.LINE, "line " + c.numberArg(0));
            events.add(new Event(time, EventKind.NOTE, line, line, clean(f + result(c))));
            return;
        }
        if (f.startsWith("lineInitializeEx")) {
            Long app = c.extraHandle("hLineApp");
            if (app != null && app != 0) {
                int col = appColumn(app);
                events.add(new Event(time, EventKind.NOTE, col, col, clean(label(c, 0))));
                return;
            }
        }
        boolean appFirst = first != null && (appNames.containsKey(first) || APP_DEVICE_FUNCTIONS.contains(f)
                || f.equals("lineShutdown") || f.equals("tapisim_post_messages"));
        if (appFirst) {
            int app = appColumn(first);
            Long device = c.numberArg(1);
            if (APP_DEVICE_FUNCTIONS.contains(f) && device != null) {
                int line = column(ColumnKind.LINE, "line " + device);
                events.add(new Event(time, EventKind.REQUEST, app, line, clean(label(c, 1))));
            } else {  // lineShutdown, tapisim_post_messages: the application alone
                events.add(new Event(time, EventKind.NOTE, app, app, clean(label(c, 1))));
            }
            return;
        }
        if (first != null && (f.startsWith("line") || f.startsWith("tapisim_"))) {
            Long app = appOf(first);
            if (app == null && c.request() != null) {
                app = requestApp.get(c.request());
            }
            int from = appColumn(app);
            int to = lineColumn(first);
            // A call handle stays in the label: a line can have several calls.
            int skip = CALL_FUNCTIONS.contains(f) || calls.contains(first) ? 0 : 1;
            events.add(new Event(time, EventKind.REQUEST, from, to, clean(label(c, skip))));
            return;
        }
        across(time, c.text());
    }

    private void message(long time, TraceLine.Message m) {
        int app = appColumn(m.app());
        int from;
        String label;
        switch (m.name()) {
            case "LINE_REPLY" -> {
                Long subject = requestSubject.get(m.param(0));
                from = subject != null ? lineColumn(subject) : column(ColumnKind.LINE, "line ?");
                label = "LINE_REPLY 0x" + hex(m.param(0)) + " "
                        + (!m.note().isEmpty() ? m.note() : m.param(1) == 0 ? "ok" : "0x" + hex(m.param(1)));
            }
            case "LINE_CALLSTATE" -> {
                from = lineColumn(m.device());
                String state = m.note().isEmpty() ? "0x" + hex(m.param(0)) : m.note();
                network(time, m.device(), state, from);
                label = "LINE_CALLSTATE " + handle(m.device()) + " " + state;
            }
            case "LINE_APPNEWCALL" -> {
                from = lineColumn(m.device());
                label = "LINE_APPNEWCALL " + handle(m.param(1));
            }
            default -> {
                from = lineColumn(m.device());
                label = m.name() + (calls.contains(m.device()) ? " " + handle(m.device()) : "") + "(0x" + hex(m.param(0)) + ", 0x" + hex(m.param(1)) + ", 0x" + hex(m.param(2))
                        + ")" + (m.note().isEmpty() ? "" : " " + m.note());
            }
        }
        events.add(new Event(time, EventKind.MESSAGE, from, app, clean(label)));
    }

    /** The far end's part in a call state change of a call dialled to a known number. */
    private void network(long time, long call, String state, int line) {
        String number = remote.get(call);
        if (number == null || !FAR_END_STATES.contains(state)) {
            return;
        }
        int station = stationColumn(number);
        if (dialled.add(call)) {
            events.add(new Event(time, EventKind.NETWORK, line, station, clean("call " + number)));
        }
        String what = switch (state) {
            case "RINGBACK" -> "ringing";
            case "BUSY" -> "busy";
            case "CONNECTED" -> "answered";
            case "DISCONNECTED" -> "hung up";
            default -> null;
        };
        if (what != null) {
            events.add(new Event(time, EventKind.NETWORK, station, line, what));
        }
    }

    // ---- labels ----------------------------------------------------------------------------

    /** {@code function(arguments from skip on) -> result}, modes by name. */
    private static String label(TraceLine.Call c, int skip) {
        StringBuilder b = new StringBuilder(c.function()).append('(');
        for (int i = skip; i < c.args().size(); i++) {
            String a = c.args().get(i);
            if (c.function().equals("lineCompleteCall") && a.startsWith("mode=")) {
                a = "mode=" + completionMode(a.substring(5));
            }
            b.append(i > skip ? ", " : "").append(a);
        }
        return b.append(')').append(result(c)).toString();
    }

    private static String result(TraceLine.Call c) {
        if (c.request() != null) {
            return " -> request 0x" + hex(c.request());
        }
        return " -> " + c.result();
    }

    private static String completionMode(String value) {
        Long mode = TraceLine.hexValue(value);
        if (mode != null && Long.bitCount(mode) == 1 && mode <= 8) {
            return COMPLETION_MODES[Long.numberOfTrailingZeros(mode)];
        }
        return value;
    }

    private static String handle(long value) {
        return String.format("0x%08X", value);
    }

    static String hex(long value) {
        return Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    }

    /** The label without control characters and lone surrogates, so both renderers can show it. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(ch).append(s.charAt(++i));
            } else if (Character.isISOControl(ch) || Character.isSurrogate(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
                b.append('?');
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    // ---- columns ---------------------------------------------------------------------------

    /** The application of a line or call handle, through the call's line if need be. */
    private Long appOf(long handle) {
        Long app = owner.get(handle);
        if (app == null && callLine.containsKey(handle)) {
            app = owner.get(callLine.get(handle));
        }
        return app;
    }

    private int appColumn(Long app) {
        return column(ColumnKind.APPLICATION, app == null ? "app ?" : "app 0x" + String.format("%08X", app));
    }

    /** The column of a line or call handle: its device if known, else the handle itself. */
    private int lineColumn(long handle) {
        Long line = callLine.getOrDefault(handle, handle);
        Long device = lineDevice.get(line);
        if (device != null) {
            return column(ColumnKind.LINE, "line " + device);
        }
        boolean call = calls.contains(line);
        return column(ColumnKind.LINE, (call ? "call 0x" : "line 0x") + String.format("%08X", line));
    }

    private int stationColumn(String number) {
        return column(ColumnKind.STATION, clean(number));
    }

    private int column(ColumnKind kind, String name) {
        return columnIndex.computeIfAbsent(kind + " " + name, k -> {
            columns.add(new Column(kind, name));
            return columns.size() - 1;
        });
    }

    /** Applications left, lines in the middle, stations right; each in order of appearance. */
    private Ladder sorted() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> columns.get(i).kind()).thenComparing(i -> i));
        int[] moved = new int[columns.size()];
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            moved[order.get(i)] = i;
            out.add(columns.get(order.get(i)));
        }
        List<Event> evs = new ArrayList<>();
        for (Event e : events) {
            evs.add(new Event(e.timeMillis(), e.kind(), e.from() < 0 ? e.from() : moved[e.from()],
                    e.to() < 0 ? e.to() : moved[e.to()], e.label()));
        }
        return new Ladder(out, evs);
    }
}
