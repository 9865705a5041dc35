/**
 * Implementation of tapibridge: the event pump, the request registry, struct decoding and the
 * native call guard. Not exported: nothing here is API.
 */
package io.github.tapibridge.internal;
