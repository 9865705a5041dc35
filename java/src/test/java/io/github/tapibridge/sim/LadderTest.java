package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.sim.Ladder.Column;
import io.github.tapibridge.sim.Ladder.ColumnKind;
import io.github.tapibridge.sim.Ladder.Event;
import io.github.tapibridge.sim.Ladder.EventKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** {@link Ladder} on trace text alone: parsing, the text form and the SVG form. */
class LadderTest {

    /** The trace of native/test/test_calls.c's trace_of_a_simple_call (cleared after lineOpen). */
    static final String SIMPLE_CALL = ""
            + "       0 lineMakeCallW(0x00010003, \"201\") hCall=0x00010004 -> request 0x00001002\n"
            + "       0   => app 0x00010001 LINE_REPLY(0x00000000, inst=0x42, 0x1002, 0x0, 0x0)\n"
            + "       0   => app 0x00010001 LINE_CALLSTATE(0x00010004, inst=0x42, 0x10, 0x0, 0x0) DIALING\n"
            + "       0   => app 0x00010001 LINE_CALLSTATE(0x00010004, inst=0x42, 0x200, 0x0, 0x0) PROCEEDING\n"
            + "       0   => app 0x00010001 LINE_CALLSTATE(0x00010004, inst=0x42, 0x20, 0x0, 0x0) RINGBACK\n"
            + "       0 advance 3000 ms\n"
            + "    3000   => app 0x00010001 LINE_CALLSTATE(0x00010004, inst=0x42, 0x100, 0x1, 0x0) CONNECTED\n";

    static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Event event(Ladder l, EventKind kind, String label) {
        return l.events().stream().filter(e -> e.kind() == kind && e.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " \"" + label + "\" in\n" + l.toText()));
    }

    @Test
    void aTraceThatStartsAfterLineOpenStillResolvesItsHandles() {
        Ladder l = Ladder.fromTrace(SIMPLE_CALL);
        assertEquals(List.of(new Column(ColumnKind.APPLICATION, "app 0x00010001"),
                new Column(ColumnKind.LINE, "line 0x00010003"), new Column(ColumnKind.STATION, "201")),
                l.columns());
        Event make = event(l, EventKind.REQUEST, "lineMakeCallW(\"201\") -> request 0x1002");
        assertEquals(List.of(0L, 0, 1), List.of(make.timeMillis(), make.from(), make.to()));
        Event reply = event(l, EventKind.MESSAGE, "LINE_REPLY 0x1002 ok");
        assertEquals(List.of(1, 0), List.of(reply.from(), reply.to()));
        Event dial = event(l, EventKind.NETWORK, "call 201");
        assertEquals(List.of(1, 2), List.of(dial.from(), dial.to()));
        Event answer = event(l, EventKind.NETWORK, "answered");
        assertEquals(List.of(3000L, 2, 1), List.of(answer.timeMillis(), answer.from(), answer.to()));
        Event connected = event(l, EventKind.MESSAGE, "LINE_CALLSTATE 0x00010004 CONNECTED");
        assertEquals(3000L, connected.timeMillis());
        Event advance = event(l, EventKind.NOTE, "advance 3000 ms");
        assertEquals(List.of(Event.ACROSS, Event.ACROSS), List.of(advance.from(), advance.to()));
        assertFalse(advance.isArrow());
        assertTrue(connected.isArrow());
        assertEquals(10, l.events().size(), l.toText()); // 7 lines, 3 network steps
    }

    @Test
    void textDrawsArrowsBetweenTheColumnBars() {
        String[] rows = Ladder.fromTrace(SIMPLE_CALL).toText().split("\n");
        assertTrue(rows[0].matches("\\s+time\\s+app 0x00010001\\s+line 0x00010003\\s+201"), rows[0]);
        assertTrue(rows[1].matches("\\s+0\\s+\\|--lineMakeCallW\\(\"201\"\\) -> request 0x1002-*>\\|\\s+\\|"), rows[1]);
        assertTrue(rows[2].matches("\\s+0\\s+\\|<-LINE_REPLY 0x1002 ok-*\\|\\s+\\|"), rows[2]);
        assertTrue(rows[3].matches("\\s+0\\s+\\|\\s+\\|--call 201-*>\\|"), rows[3]);
        String last = rows[rows.length - 1];
        assertTrue(last.matches("\\s+3000\\s+\\|<-LINE_CALLSTATE 0x00010004 CONNECTED-*\\|\\s+\\|"), last);
        // Every bar of a column sits under the middle of its heading.
        int bar = rows[1].indexOf('|');
        int heading = rows[0].indexOf("app 0x00010001");
        assertEquals(heading + "app 0x00010001".length() / 2, bar);
        for (String row : rows) {
            assertFalse(row.endsWith(" "), "trailing blanks: \"" + row + "\"");
        }
    }

    @Test
    void svgIsWellFormedAndHasOneLinePerArrow() throws Exception {
        Ladder l = Ladder.fromTrace(SIMPLE_CALL);
        Document d = parseSvg(l.toSvg());
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        NodeList lines = d.getElementsByTagNameNS("*", "line");
        long arrows = l.events().stream().filter(Event::isArrow).count();
        assertEquals(arrows + l.columns().size(), lines.getLength()); // arrows and lifelines
        assertTrue(d.getDocumentElement().getTextContent().contains("lineMakeCallW(\"201\") -> request 0x1002"));
    }

    @Test
    void markupInTheTraceIsEscapedInTheSvg() throws Exception {
        String trace = "       0 tapisim_set_station(\"<b>&'x'\", BUSY) -> 0\n"
                + "       5 ]]> <!-- \"quoted\" & <tag> \u0001\u0007 \uD800 lone surrogate \uFFFF\n";
        Ladder l = Ladder.fromTrace(trace);
        assertEquals(new Column(ColumnKind.STATION, "<b>&'x'"), l.columns().get(0));
        Document d = parseSvg(l.toSvg());
        String text = d.getDocumentElement().getTextContent();
        assertTrue(text.contains("<b>&'x'"), text);
        assertTrue(text.contains("]]> <!-- \"quoted\" & <tag> ?? ? lone surrogate ?"), text);
        assertTrue(l.toText().contains("== ]]> <!-- \"quoted\" & <tag> ?? ? lone surrogate ? =="), l.toText());
    }

    @Test
    void anyTextGivesALadderAndUnknownLinesStayAsNotes() throws Exception {
        String odd = "garbage\n\n   12\n99999999999999999999 x\n9999999999999999999 y\nlineDrop(0x -> \nlineDrop( -> 0\n"
                + "lineX(\"unbalanced, 0x1) -> request 0xZZ\n  => app 0x1 LINE_REPLY(broken\n"
                + "     7   => app 0x00010009 LINE_CALLSTATE(0x00010010, inst=0x0, 0x100, 0x0, 0x0)\n"
                + "     8 lineDrop(0x00010010) -> LINEERR_INVALCALLHANDLE\n"
                + "     9   LOST LINE_REPLY for app 0x00010009 (out of memory)\n"
                + "     9 fault lineMakeCall -> LINEERR_NOMEM\n";
        Ladder l = Ladder.fromTrace(odd);
        assertEquals(9L, l.events().get(l.events().size() - 1).timeMillis());
        event(l, EventKind.NOTE, "garbage");
        event(l, EventKind.NOTE, "fault lineMakeCall -> LINEERR_NOMEM");
        event(l, EventKind.NOTE, "LOST LINE_REPLY");
        Event drop = event(l, EventKind.REQUEST, "lineDrop(0x00010010) -> LINEERR_INVALCALLHANDLE");
        assertEquals("app 0x00010009", l.columns().get(drop.from()).name());
        assertEquals("call 0x00010010", l.columns().get(drop.to()).name());
        parseSvg(l.toSvg());
        Random random = new Random(13);
        String alphabet = "0123456789abcdefx ()\",=>-\n\t\u0000\u00e9\uD83D\uDE00LINE_appline";
        for (int n = 0; n < 300; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Ladder r = Ladder.fromTrace(b.toString());
            r.toText();
            parseSvg(r.toSvg());
        }
        Ladder empty = Ladder.fromTrace("");
        assertEquals(List.of(), empty.columns());
        assertEquals("    time\n", empty.toText());
        parseSvg(empty.toSvg());
    }

    @Test
    void longLabelsAreShortened() {
        String dest = "1".repeat(500);
        Ladder l = Ladder.fromTrace("       0 lineMakeCallW(0x00010002, \"" + dest + "\") hCall=0x00010003 -> request 0x1\n");
        String text = l.toText();
        assertTrue(text.contains("lineMakeCallW(\"1111"), text);
        assertTrue(text.contains("...-"), text);
        for (String row : text.split("\n")) {
            assertTrue(row.length() < 1200, row);
        }
    }
}
