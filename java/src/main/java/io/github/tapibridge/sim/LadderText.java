package io.github.tapibridge.sim;

import io.github.tapibridge.sim.Ladder.Column;
import io.github.tapibridge.sim.Ladder.Event;
import java.util.Arrays;
import java.util.List;

/**
 * The plain-text form of a {@link Ladder}, and the column layout that the SVG form shares: column
 * positions in character cells, wide enough for every heading and label.
 */
final class LadderText {

    /** Labels longer than this are shortened with "...". */
    static final int MAX_LABEL = 72;

    private LadderText() {
    }

    /** The layout: where the time column ends and where each column's bar is, in cells. */
    record Layout(int timeWidth, int[] positions, int width) {
    }

    static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 3) + "...";
    }

    static Layout layout(Ladder ladder) {
        List<Column> columns = ladder.columns();
        long maxTime = 0;
        for (Event e : ladder.events()) {
            maxTime = Math.max(maxTime, e.timeMillis());
        }
        int timeWidth = Math.max(8, Long.toString(maxTime).length());
        int n = columns.size();
        int[] gap = new int[Math.max(n - 1, 0)];
        for (int i = 0; i + 1 < n; i++) {
            int left = columns.get(i).name().length();
            gap[i] = Math.max(left - left / 2 + columns.get(i + 1).name().length() / 2 + 2, 8);
        }
        // Arrows and notes, narrowest first, widen the last gap they cross until their label fits.
        Event[] sorted = ladder.events().stream().filter(e -> e.from() >= 0 && e.to() >= 0)
                .sorted((a, b) -> Integer.compare(Math.abs(a.to() - a.from()), Math.abs(b.to() - b.from())))
                .toArray(Event[]::new);
        for (Event e : sorted) {
            int a = Math.min(e.from(), e.to());
            int b = Math.max(e.from(), e.to());
            int need = shorten(e.label()).length() + (a == b ? 4 : 6);
            if (a == b) {
                b = a + 1;
                if (b >= n) {
                    continue; // a note on the last column runs on to the right
                }
            }
            int have = 0;
            for (int i = a; i < b; i++) {
                have += gap[i];
            }
            if (have < need) {
                gap[b - 1] += need - have;
            }
        }
        int[] pos = new int[n];
        int x = timeWidth + 2 + (n > 0 ? columns.get(0).name().length() / 2 : 0);
        for (int i = 0; i < n; i++) {
            pos[i] = x;
            if (i < gap.length) {
                x += gap[i];
            }
        }
        int width = n > 0 ? pos[n - 1] + columns.get(n - 1).name().length() + 1 : timeWidth + 2;
        return new Layout(timeWidth, pos, width);
    }

    static String render(Ladder ladder) {
        Layout layout = layout(ladder);
        int[] pos = layout.positions();
        List<Column> columns = ladder.columns();
        StringBuilder out = new StringBuilder();
        char[] row = blank(layout, "time");
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            row = put(row, pos[i] - name.length() / 2, name);
        }
        line(out, row);
        for (Event e : ladder.events()) {
            row = blank(layout, Long.toString(e.timeMillis()));
            for (int p : pos) {
                row = grow(row, p + 1);
                row[p] = '|';
            }
            String label = shorten(e.label());
            if (e.isArrow()) {
                int a = Math.min(e.from(), e.to());
                int b = Math.max(e.from(), e.to());
                for (int x = pos[a] + 1; x < pos[b]; x++) {
                    row[x] = '-';
                }
                if (e.to() > e.from()) {
                    row[pos[b] - 1] = '>';
                } else {
                    row[pos[a] + 1] = '<';
                }
                row = put(row, pos[a] + 3, label);
            } else if (e.from() >= 0) {
                row = put(row, pos[e.from()] + 2, label);
            } else {
                row = put(row, layout.timeWidth() + 2, "== " + label + " ==");
            }
            line(out, row);
        }
        return out.toString();
    }

    private static char[] blank(Layout layout, String time) {
        char[] row = new char[layout.width()];
        Arrays.fill(row, ' ');
        int t = Math.max(0, layout.timeWidth() - time.length());
        put(row, t, time);
        return row;
    }

    private static char[] grow(char[] row, int size) {
        if (row.length >= size) {
            return row;
        }
        char[] bigger = Arrays.copyOf(row, size);
        Arrays.fill(bigger, row.length, size, ' ');
        return bigger;
    }

    private static char[] put(char[] row, int at, String s) {
        at = Math.max(at, 0);
        char[] r = grow(row, at + s.length());
        s.getChars(0, s.length(), r, at);
        return r;
    }

    private static void line(StringBuilder out, char[] row) {
        int end = row.length;
        while (end > 0 && row[end - 1] == ' ') {
            end--;
        }
        out.append(row, 0, end).append('\n');
    }
}
