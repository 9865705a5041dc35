package io.github.tapibridge.internal;

/**
 * One {@code LINEMESSAGE} as dequeued by {@code lineGetMessage}.
 *
 * @param device {@code hDevice}: the line or call handle the message is about, or 0
 * @param id {@code dwMessageID}, a {@code LINE_} message number
 * @param instance {@code dwCallbackInstance}: the value given to {@code lineOpen} for the line
 * @param param1 {@code dwParam1}
 * @param param2 {@code dwParam2}
 * @param param3 {@code dwParam3}
 */
public record Message(int device, int id, long instance, long param1, long param2, long param3) {

    @Override
    public String toString() {
        return String.format("%s(0x%08X, inst=0x%X, 0x%X, 0x%X, 0x%X)", TapiConstants.messageName(id),
                device, instance, param1, param2, param3);
    }
}
