/** Evidence in patient space (masks, boxes, heat maps) and the measurements taken on it. */
package dev.attest.reports.evidence;
