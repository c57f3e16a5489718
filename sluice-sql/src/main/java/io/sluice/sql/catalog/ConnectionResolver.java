package io.sluice.sql.catalog;

import java.util.Optional;

/** Looks up a registered connection by the name a table's {@code 'connection'} option gives. */
@FunctionalInterface
public interface ConnectionResolver {
    Optional<ResolvedConnection> resolve(String name);

    ConnectionResolver NONE = name -> Optional.empty();
}
