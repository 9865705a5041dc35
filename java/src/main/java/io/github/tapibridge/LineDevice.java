package io.github.tapibridge;

import java.util.Set;

/**
 * What a line device is and can do, from {@code lineGetDevCapsW} at the API version negotiated
 * for it with {@code lineNegotiateAPIVersion}.
 *
 * <p>Immutable; a snapshot taken by {@link Tapi#device(int)}.
 *
 * @param id the device ID, 0 to {@link Tapi#lineCount()} - 1
 * @param name {@code dwLineName}, for example {@code "Simulated line 100"}; empty if the provider
 *        gives none
 * @param apiVersion the API version negotiated for the device, used for every structure of it
 * @param numAddresses {@code dwNumAddresses}: addresses 0 to numAddresses - 1
 * @param lineStates {@code dwLineStates}: the status messages the device can send
 * @param mediaModes {@code dwMediaModes}: the media modes the device supports
 * @param maxActiveCalls {@code dwMaxNumActiveCalls}
 * @param providerInfo {@code dwProviderInfo}; empty if absent
 * @param switchInfo {@code dwSwitchInfo}; empty if absent
 * @param permanentLineId {@code dwPermanentLineID}
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetdevcaps">
 *      lineGetDevCaps (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-linedevcaps">
 *      LINEDEVCAPS (Microsoft)</a>
 */
public record LineDevice(int id, String name, TapiVersion apiVersion, int numAddresses,
                         Set<LineDeviceState> lineStates, Set<MediaMode> mediaModes,
                         int maxActiveCalls, String providerInfo, String switchInfo,
                         int permanentLineId) {
}
