/**
 * Anatomy vocabularies: the JSON format and its validating reader, the built-in vocabularies (TotalSegmentator
 * v2, FreeSurfer labels of the brainchop models, the demo phantom), the grammar words, and the binding of a
 * vocabulary to the label table of the model in use.
 */
package dev.attest.reports.lexicon;
