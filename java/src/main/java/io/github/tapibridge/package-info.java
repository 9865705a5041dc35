/**
 * The tapibridge API: Java access to Windows TAPI 2.x telephony lines.
 *
 * <p>tapibridge drives TAPI 2.x line devices from Java, with first-class support for call
 * completion ({@code lineCompleteCall} and {@code lineUncompleteCall}, modes CAMPON, CALLBACK,
 * INTRUDE and MESSAGE). The same code runs against the real {@code tapi32.dll} on Windows or
 * against a portable simulator of a TAPI switch that ships with the library, so applications can
 * be developed and tested on any operating system.
 *
 * <p>TAPI numbers keep their C meaning: handles ({@code HLINEAPP}, {@code HLINE}, {@code HCALL})
 * are 32-bit and appear as {@code int}; a {@code DWORD} is an {@code int} holding the same 32 bits.
 * Value classes such as {@link io.github.tapibridge.TapiVersion} convert them to and from Java
 * types.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/telephony-application-programming-interfaces">
 *      Telephony Application Programming Interfaces (Microsoft)</a>
 */
package io.github.tapibridge;
