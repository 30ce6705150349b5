package dev.attest.annotation.store;

import java.util.List;

/** SQLite's forms: INTEGER PRIMARY KEY (the rowid), triggers with RAISE(ABORT), PRAGMA user_version. */
public final class SqliteDialect implements SqlDialect {

    @Override
    public String idColumn() {
        // An alias of the rowid: no extra index, ids increase and are never reused because rows are never deleted.
        return "INTEGER PRIMARY KEY";
    }

    @Override
    public List<String> forbidUpdates(String table, List<String> columns) {
        return List.of("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OF " + String.join(", ", columns)
                + " ON " + table + " BEGIN SELECT RAISE(ABORT, '" + table + " is append-only: "
                + String.join(", ", columns) + " are never updated'); END");
    }

    @Override
    public List<String> forbidDeletes(String table) {
        return List.of("CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table
                + " BEGIN SELECT RAISE(ABORT, '" + table + " rows are never deleted'); END");
    }

    @Override
    public List<String> recordVersion(int version) {
        return List.of("PRAGMA user_version = " + version);
    }
}
