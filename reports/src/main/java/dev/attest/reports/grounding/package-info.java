/**
 * Phrase grounding: a report sentence parsed for anatomy, sides, position qualifiers, negation, sizes and
 * volumes, resolved against a label map, and grounded to a region in patient coordinates or a typed reason
 * why not. Entry point: {@link dev.attest.reports.grounding.PhraseGrounder}.
 */
package dev.attest.reports.grounding;
