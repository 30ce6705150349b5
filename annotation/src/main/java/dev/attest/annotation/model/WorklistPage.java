package dev.attest.annotation.model;

import java.util.List;

/** One page of a worklist and the number of claims matching the query in all pages. */
public record WorklistPage(List<WorklistItem> items, long total) {
    public WorklistPage {
        items = List.copyOf(items);
    }
}
