package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Ladder.ColumnKind;
import io.github.tapibridge.sim.Ladder.Event;
import io.github.tapibridge.sim.Ladder.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ladder of a real scenario on the switch: a call to a busy station, a CALLBACK completion,
 * the recall. Runs through both backends ({@code LadderJniTest}, {@code LadderJnaTest}).
 */
abstract class LadderContract {

    abstract Backend backend();

    @Test
    void callbackScenarioHasItsColumnsAndArrowsInOrder() throws Exception {
        Simulator sim = Simulator.get();
        sim.reset();
        TapiConfig config = TapiConfig.builder().provider(Provider.simulator()).backend(backend()).build();
        try (Tapi tapi = Tapi.open(config)) {
            Line line = tapi.openLine(0);
            sim.station("201").busy();
            Call call = line.makeCall("201").get(30, TimeUnit.SECONDS);
            call.whenState(CallState.BUSY).get(30, TimeUnit.SECONDS);
            CallCompletion completion = call.completeCall(CallCompletionMode.CALLBACK).get(30, TimeUnit.SECONDS);
            call.whenState(CallState.IDLE).get(30, TimeUnit.SECONDS);
            call.close();
            sim.station("201").idle();
            sim.advance(Duration.ofSeconds(2));
            Call recall = completion.whenFired().get(30, TimeUnit.SECONDS);
            recall.whenState(CallState.OFFERING).get(30, TimeUnit.SECONDS);
        }
        Ladder l = Ladder.fromTrace(sim.trace());
        String text = l.toText();
        assertEquals(List.of(ColumnKind.APPLICATION, ColumnKind.LINE, ColumnKind.STATION),
                l.columns().stream().map(Ladder.Column::kind).toList(), text);
        assertEquals(List.of("line 0", "201"), List.of(l.columns().get(1).name(), l.columns().get(2).name()), text);
        assertTrue(l.columns().get(0).name().matches("app 0x\\p{XDigit}{8}"), text);
        // The story, in order: each step an arrow from and to the right columns, at the right time.
        Object[][] story = {
            {EventKind.NOTE, 2, 2, "BUSY -> 0", 0L},
            {EventKind.REQUEST, 0, 1, "lineMakeCallW(\"201\") -> request 0x", 0L},
            {EventKind.NETWORK, 1, 2, "call 201", 0L},
            {EventKind.NETWORK, 2, 1, "busy", 0L},
            {EventKind.MESSAGE, 1, 0, "LINE_CALLSTATE 0x", 0L},
            {EventKind.REQUEST, 0, 1, "lineCompleteCall(0x", 0L},
            {EventKind.MESSAGE, 1, 0, "LINE_REPLY 0x", 0L},
            {EventKind.NOTE, 2, 2, "IDLE -> 0", 0L},
            {EventKind.NOTE, Event.ACROSS, Event.ACROSS, "advance 2000 ms", 0L},
            {EventKind.MESSAGE, 1, 0, "LINE_APPNEWCALL 0x", 2000L},
        };
        int at = 0;
        for (Object[] step : story) {
            while (at < l.events().size() && !matches(l.events().get(at), step)) {
                at++;
            }
            assertTrue(at < l.events().size(), "missing, or out of order: " + step[3] + " in\n" + text);
            at++;
        }
        assertTrue(l.events().stream().anyMatch(e -> e.label().contains("mode=CALLBACK")), text);
        assertTrue(l.events().stream().anyMatch(e -> e.kind() == EventKind.MESSAGE && e.timeMillis() == 2000
                && e.label().endsWith(" OFFERING")), text);
        assertTrue(text.contains("|<-busy-"), text);
        LadderTest.parseSvg(l.toSvg());
    }

    private static boolean matches(Event e, Object[] step) {
        return e.kind() == step[0] && e.from() == (int) step[1] && e.to() == (int) step[2]
                && e.label().startsWith((String) step[3]) && e.timeMillis() == (long) step[4];
    }
}
