/**
 * Control of the simulated TAPI switch bundled with tapibridge, for tests and demos: reset it,
 * make stations busy or idle, move its virtual clock, inject faults and read its trace, and draw
 * that trace as a ladder diagram ({@link io.github.tapibridge.sim.Ladder}).
 *
 * <p>The simulator is the provider {@link io.github.tapibridge.Provider#simulator()}; there is one
 * simulated switch per process, shared by every {@link io.github.tapibridge.Tapi} opened on it.
 * {@link io.github.tapibridge.sim.Simulator#get()} returns its control object.
 */
package io.github.tapibridge.sim;
