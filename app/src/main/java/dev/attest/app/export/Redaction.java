package dev.attest.app.export;

import java.util.List;

/**
 * Where free text in an export had identifiers taken out: the table, row and field, and what kinds were found
 * (NAME, ID, DATE, ...). The matched text itself is never kept, since it is the identifier.
 *
 * @param table the table ("claims")
 * @param row   the row's identifier in the set ("claim-0003")
 * @param field the column, or column/JSON path for structured values ("parameters.model_path")
 * @param kinds the placeholders written, in text order ("[NAME]")
 */
public record Redaction(String table, String row, String field, List<String> kinds) {
    public Redaction {
        kinds = List.copyOf(kinds);
    }
}
