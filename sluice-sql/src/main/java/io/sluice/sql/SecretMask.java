package io.sluice.sql;

import java.util.Set;

/** Replaces secret values with asterisks in any text shown to a user. */
record SecretMask(Set<String> secrets) {
    SecretMask {
        secrets = Set.copyOf(secrets);
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "****");
            }
        }
        return masked;
    }
}
