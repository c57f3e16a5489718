package io.sluice.runtime.nexmark;

/** A new user of the auction site (Nexmark's {@code Person}). */
public record Person(long id, String name, String emailAddress, String creditCard, String city, String state,
        long dateTimeMillis, String extra) {}
