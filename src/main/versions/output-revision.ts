/**
 * The revision of what DICOM Ink writes. It goes into every version key (series-version.ts), so a build
 * that writes other bytes for the same inputs, settings and findings (a corrected report, another
 * header) makes a new version with new UIDs: never new content under UIDs an earlier build already sent,
 * which a PACS would keep as it first stored it while the delivery says "already stored".
 *
 * Bump it with every change that alters any output's bytes; tests/conformance/output-revision.test.ts
 * fails until it is bumped and the outputs' fingerprint recorded again.
 *
 * 1: the outputs until 2026-12-07.
 * 2: a mask finding's report region is the mask's own bounds (was the outline around it); an unnamed
 *    algorithm's segments AUTOMATIC (were MANUAL); a long label's reader layer description keeps its ending.
 * 3: a box wholly outside its image is no finding of it (was drawn nowhere yet listed in the report, the
 *    key images and the presentation state, and counted in the copy's derivation); the presentation state
 *    shows the copy's AI notice on a layer of its own; text cut to 64 characters (LO: labels, descriptions,
 *    the algorithm's names) is cut between characters, never inside an emoji's UTF-16 pair.
 * 4: a report's Tracking Identifier made from a long label keeps the finding's number whole (the label is
 *    shortened before it; the whole text was cut to 64 characters, losing or truncating the number).
 * 5: a segmentation keeps the algorithm's findings apart by the reader's verdict, each segment described
 *    ('AI finding, not reviewed', '... accepted by the reader', '... edited by the reader', or 'Drawn by
 *    the reader'), an edited finding's segment SEMIAUTOMATIC (were one AUTOMATIC segment saying nothing);
 *    a series description's source text is shortened by characters too (an emoji counted two and could be
 *    split, which revision 3 meant to end).
 */
export const OUTPUT_REVISION = 5;
