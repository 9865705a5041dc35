package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tapibridge.internal.OutSlots;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The slab of out-parameter slots on its own, over {@link FakeBackend} (which refuses an access
 * outside its blocks): slots are distinct 4-byte cells of chunks allocated only when the free
 * ones run out, reused without a new allocation, counted while in use, and freed by close.
 */
class OutSlotsTest {

    final FakeBackend fake = new FakeBackend();
    final OutSlots slots = new OutSlots(fake);

    @Test
    void slotsAreDistinctCellsOfChunksAllocatedOnDemand() {
        long before = fake.liveAllocations();
        Map<Long, Integer> taken = new HashMap<>();
        for (int i = 0; i < OutSlots.CHUNK + 1; i++) {
            long slot = slots.take();
            fake.putInt(slot, i); // inside a block of the backend, or the fake throws
            assertNull(taken.put(slot, i), "slot handed out twice");
        }
        assertEquals(2, slots.chunks());
        assertEquals(before + 2, fake.liveAllocations());
        assertEquals(OutSlots.CHUNK + 1, slots.inUse());
        assertEquals(before + OutSlots.CHUNK + 1, slots.liveBlocks(), "each slot in use is a block");
        taken.forEach((slot, i) -> assertEquals(i, fake.getInt(slot), "slots do not overlap"));
        taken.keySet().forEach(slots::give);
        assertEquals(0, slots.inUse());
        assertEquals(before, slots.liveBlocks());
    }

    @Test
    void givenBackSlotsAreReusedWithoutAllocating() {
        long first = slots.take();
        slots.give(first);
        long blocks = fake.liveAllocations();
        for (int i = 0; i < 10_000; i++) {
            long slot = slots.take();
            slots.give(slot);
        }
        assertEquals(blocks, fake.liveAllocations());
        assertEquals(1, slots.chunks());
        slots.give(0); // ignored
        assertEquals(0, slots.inUse());
    }

    @Test
    void closeFreesTheChunksAndRefusesNewSlots() {
        long before = fake.liveAllocations();
        long held = slots.take();
        slots.close();
        assertEquals(before, fake.liveAllocations());
        assertThrows(IllegalStateException.class, slots::take);
        slots.give(held); // a late give after close does nothing
        assertEquals(0, slots.inUse());
        slots.close(); // twice is safe
    }
}
