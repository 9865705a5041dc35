package io.github.tapibridge.sim;

import io.github.tapibridge.sim.Ladder.Column;
import io.github.tapibridge.sim.Ladder.Event;
import io.github.tapibridge.sim.Ladder.EventKind;
import java.util.List;

/**
 * The SVG form of a {@link Ladder}, written by hand (see {@link Ladder} for why no library): the
 * column layout of the text form scaled to pixels, so that monospace labels fit between their
 * columns; lifelines, arrows with an arrowhead marker (network arrows dashed), notes in boxes.
 * Every piece of text goes through {@link #escape(String)}.
 */
final class LadderSvg {

    private static final int CELL = 8;   // px per character cell: 12 px monospace is about 7.2 px wide
    private static final int ROW = 22;
    private static final int TOP = 40;
    private static final int MARGIN = 10;

    private LadderSvg() {
    }

    static String render(Ladder ladder) {
        LadderText.Layout layout = LadderText.layout(ladder);
        int[] pos = layout.positions();
        List<Column> columns = ladder.columns();
        List<Event> events = ladder.events();
        int width = 2 * MARGIN + CELL * (layout.width() + 2);
        for (Event e : events) {
            int start = e.from() < 0 ? layout.timeWidth() + 2 : pos[Math.min(e.from(), e.to())] + 3;
            width = Math.max(width, 2 * MARGIN + CELL * (start + LadderText.shorten(e.label()).length() + 8));
        }
        int bottom = TOP + ROW * (events.size() + 1);
        int height = bottom + MARGIN;
        StringBuilder s = new StringBuilder(4096 + 200 * events.size());
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"monospace\" font-size=\"12\">\n")
                .append("<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                        + " markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(s, x(layout.timeWidth()), TOP - 16, "end", "bold", "time ms");
        for (int i = 0; i < columns.size(); i++) {
            text(s, x(pos[i]), TOP - 16, "middle", "bold", columns.get(i).name());
            s.append("<line class=\"lifeline\" x1=\"").append(x(pos[i])).append("\" y1=\"").append(TOP - 8)
                    .append("\" x2=\"").append(x(pos[i])).append("\" y2=\"").append(bottom)
                    .append("\" stroke=\"#888\"/>\n");
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            int y = TOP + ROW * (i + 1);
            String label = LadderText.shorten(e.label());
            text(s, x(layout.timeWidth()), y, "end", null, Long.toString(e.timeMillis()));
            if (e.isArrow()) {
                int a = Math.min(e.from(), e.to());
                s.append("<line class=\"").append(e.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append("\" x1=\"").append(x(pos[e.from()])).append("\" y1=\"").append(y)
                        .append("\" x2=\"").append(x(pos[e.to()])).append("\" y2=\"").append(y)
                        .append("\" stroke=\"black\"")
                        .append(e.kind() == EventKind.NETWORK ? " stroke-dasharray=\"4 3\"" : "")
                        .append(" marker-end=\"url(#head)\"/>\n");
                text(s, x(pos[a] + 3), y - 4, "start", null, label);
            } else {
                int at = e.from() >= 0 ? pos[e.from()] + 1 : layout.timeWidth() + 2;
                int boxX = x(at);
                // A note across all columns is a band over the whole width; a column's note a box.
                int w = e.from() >= 0 ? CELL * (label.length() + 2) : width - MARGIN - boxX;
                s.append("<rect class=\"note\" x=\"").append(boxX).append("\" y=\"").append(y - 14)
                        .append("\" width=\"").append(w).append("\" height=\"18\" fill=\"")
                        .append(e.from() >= 0 ? "#ffc\" stroke=\"#aa8" : "#eef\" stroke=\"#99b")
                        .append("\"/>\n");
                text(s, boxX + CELL, y, "start", null, label);
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static int x(int cell) {
        return MARGIN + CELL * cell;
    }

    private static void text(StringBuilder s, int x, int y, String anchor, String weight, String text) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"")
                .append(anchor).append('"');
        if (weight != null) {
            s.append(" font-weight=\"").append(weight).append('"');
        }
        s.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    /**
     * The text escaped for XML character data and attribute values; characters that XML 1.0
     * cannot carry at all (control characters, lone surrogates, U+FFFE, U+FFFF) become {@code ?}.
     */
    static String escape(String text) {
        String clean = LadderParser.clean(text);
        StringBuilder b = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
