/**
 * A modular application of tapibridge: it requires the library and nothing else, as a user's
 * would.
 */
module io.github.tapibridge.modularcheck {
    requires io.github.tapibridge;
}
