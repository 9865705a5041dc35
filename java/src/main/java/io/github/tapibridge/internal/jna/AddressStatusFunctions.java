package io.github.tapibridge.internal.jna;

/**
 * {@code lineGetAddressStatusW}, bound like {@link CallControlFunctions} but as a group of its
 * own: a provider that lacks it (one that predates it, a shim) still opens, as the JNI bridge
 * resolves it ({@code native/jni/provider.h}). Pointers as in {@link TapiFunctions}.
 */
public interface AddressStatusFunctions {

    int lineGetAddressStatusW(int hLine, int dwAddressID, long lpAddressStatus);
}
