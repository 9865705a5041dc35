package io.github.tapibridge.sim;

/**
 * How the simulated switch delivers the errors of the provider and the switch for an asynchronous
 * function such as {@code lineMakeCall} or {@code lineCompleteCall}: the option
 * {@code "error_delivery"} of {@code tapisim_set_option}, set with
 * {@link SimulatorOptions#errorDelivery(ErrorDelivery)}.
 *
 * <p>Errors found by the checks of tapi32 itself (handles, pointers, privileges, structure sizes)
 * are returned at once either way.
 */
public enum ErrorDelivery {

    /**
     * As tapisrv does (the default, option value 0): the function returns a request ID and the
     * error arrives in its {@code LINE_REPLY}, so the future of the operation fails.
     */
    IN_REPLY(0),

    /**
     * As the TAPI documentation literally reads (option value 1): the function returns the error
     * at once and no request is made.
     */
    RETURNED(1);

    private final int value;

    ErrorDelivery(int value) {
        this.value = value;
    }

    /**
     * Returns the value of {@code "error_delivery"} for this mode.
     *
     * @return 0 or 1
     */
    public int value() {
        return value;
    }
}
