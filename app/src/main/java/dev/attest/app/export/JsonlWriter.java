package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Writes one table of a set as JSON Lines: one object per line in the table's column order, each checked against
 * the table's schema before it is written, so a set never holds a row its own schema rejects.
 */
final class JsonlWriter implements AutoCloseable {
    private final TableSpec table;
    private final SetFiles files;
    private final BufferedWriter out;
    private final com.fasterxml.jackson.databind.JsonNode schema;
    private int rows;

    JsonlWriter(TableSpec table, SetFiles files) throws IOException {
        this.table = table;
        this.files = files;
        this.schema = table.schema();
        this.out = Files.newBufferedWriter(files.resolve(table.file()), StandardCharsets.UTF_8);
    }

    /** Writes a row whose keys are exactly the table's columns; they are put in column order. */
    void write(ObjectNode row) throws IOException {
        ObjectNode ordered = SetJson.object();
        for (Column c : table.columns()) {
            if (!row.has(c.name())) {
                throw new IllegalStateException(table.name() + " row " + (rows + 1) + " lacks column " + c.name());
            }
            ordered.set(c.name(), row.get(c.name()));
        }
        List<String> problems = JsonSchemaCheck.problems(schema, row);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(table.file() + " row " + (rows + 1) + " breaks its schema: " + problems);
        }
        out.write(SetJson.line(ordered));
        out.write('\n');
        rows++;
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
        files.register(table.file(), table.description() + " (" + rows + " rows; schema " + table.schemaFile() + ")");
    }
}
