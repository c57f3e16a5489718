package io.sluice.runtime.generator;

/** Names and addresses of generated users, shared by all generators so that they can be joined. */
final class Users {

    // Odd, so multiplying permutes the 24-bit host part: distinct users get distinct addresses.
    private static final int ADDRESS_SCRAMBLE = 0x9E3779;

    private Users() {}

    static String name(int user) {
        return "user_" + user;
    }

    /** A 10.x.y.z address that depends only on the user. */
    static String ip(int user) {
        int host = (user * ADDRESS_SCRAMBLE) & 0xFFFFFF;
        return "10." + (host >>> 16) + "." + ((host >>> 8) & 0xFF) + "." + (host & 0xFF);
    }
}
