package io.github.tapibridge.internal;

/**
 * One {@code LINEMESSAGE} as dequeued by {@code lineGetMessage}, read in place: the event pump
 * keeps one instance and overwrites it with each message of a batch, so that a message costs no
 * allocation on its way to the handler ({@code docs/performance.md}, "Event delivery"). It is
 * therefore valid only during the {@link EventPump.Handler#message} call it is passed to: a
 * handler that needs it later keeps {@link #copy()} or the values it reads, never the instance.
 *
 * <p>Threading: the event pump thread only.
 */
public final class Message {

    private int device;
    private int id;
    private long instance;
    private long param1;
    private long param2;
    private long param3;

    /**
     * A message with these fields (for a copy, or a test).
     *
     * @param device {@code hDevice}
     * @param id {@code dwMessageID}
     * @param instance {@code dwCallbackInstance}
     * @param param1 {@code dwParam1}
     * @param param2 {@code dwParam2}
     * @param param3 {@code dwParam3}
     */
    public Message(int device, int id, long instance, long param1, long param2, long param3) {
        set(device, id, instance, param1, param2, param3);
    }

    /** Overwrites every field: the pump's next message. */
    void set(int device, int id, long instance, long param1, long param2, long param3) {
        this.device = device;
        this.id = id;
        this.instance = instance;
        this.param1 = param1;
        this.param2 = param2;
        this.param3 = param3;
    }

    /** @return {@code hDevice}: the line or call handle the message is about, or 0 */
    public int device() {
        return device;
    }

    /** @return {@code dwMessageID}, a {@code LINE_} message number */
    public int id() {
        return id;
    }

    /** @return {@code dwCallbackInstance}: the value given to {@code lineOpen} for the line */
    public long instance() {
        return instance;
    }

    /** @return {@code dwParam1} */
    public long param1() {
        return param1;
    }

    /** @return {@code dwParam2} */
    public long param2() {
        return param2;
    }

    /** @return {@code dwParam3} */
    public long param3() {
        return param3;
    }

    /** @return a message of its own with the same fields, which the pump does not overwrite */
    public Message copy() {
        return new Message(device, id, instance, param1, param2, param3);
    }

    @Override
    public String toString() {
        return String.format("%s(0x%08X, inst=0x%X, 0x%X, 0x%X, 0x%X)", TapiConstants.messageName(id),
                device, instance, param1, param2, param3);
    }
}
