package io.github.tapibridge.internal.jna;

/**
 * {@code tapisim_activity}, the simulator's word that a waiter can watch without its lock
 * ({@code native/include/tapisim.h}): bound on its own, as the JNI bridge resolves it, so that a
 * simulator that predates it still opens and its event pump just blocks at once.
 */
public interface ActivityFunctions {

    int tapisim_activity();
}
