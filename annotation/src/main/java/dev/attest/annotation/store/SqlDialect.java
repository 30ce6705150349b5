package dev.attest.annotation.store;

import java.util.List;

/**
 * The few places where the schema's SQL differs between SQLite and PostgreSQL; everything else in the
 * migrations and queries is written in the SQL both accept.
 */
public interface SqlDialect {

    /** Column definition of a generated 64-bit primary key. */
    String idColumn();

    /** Statements that make a table's listed columns impossible to UPDATE (append-only history). */
    List<String> forbidUpdates(String table, List<String> columns);

    /** Statements that make a table's rows impossible to DELETE. */
    List<String> forbidDeletes(String table);

    /** Statements recording the schema version where tools outside Attest look for it (may be empty). */
    List<String> recordVersion(int version);
}
