/**
 * The boxes of the series (slice, label, score, pixel corners); a click selects the box and shows its
 * slice. Boxes below the minimum score stay listed, marked as hidden, so they can still be found.
 */
import { ReviewNote } from '../review/ReviewNote';
import { edgesText } from '../../../shared/boxes/clip';
import { UNPLACED_LABEL_TEXT } from '../../../shared/boxes/unplaced-label';
import { passesMinScore } from '../../../shared/boxes/min-score';
import { describeCharacter, missingGlyphs } from '../../../shared/boxes/label-font';
import { formatScore, labelText } from '../../../shared/boxes/label-text';
import { labelShown } from '../../../shared/editor';
import type { ListedBox } from './series-boxes';

interface Props {
  listed: readonly ListedBox[];
  selectedId: string | undefined;
  minScore: number | undefined;
  hiddenLabels: readonly string[] | undefined;
  /** ids of boxes drawn without their label (no room for it: unlabelledBoxIds) */
  unlabelled: ReadonlySet<string>;
  onPick(entry: ListedBox): void;
}

/** The whole entry in one line, for the tooltip of an entry the panel's width wraps. */
function entryTitle({ box, index }: ListedBox): string {
  const parts = [`Slice ${index + 1}`];
  if (box.label) parts.push(box.label);
  if (box.score !== undefined) parts.push(formatScore(box.score));
  if (box.region !== undefined) parts.push('outline');
  return `${parts.join(' · ')}  ${box.x1},${box.y1} – ${box.x2},${box.y2}`;
}

export function BoxList({ listed, selectedId, minScore, hiddenLabels, unlabelled, onPick }: Props) {
  if (listed.length === 0) {
    return <p className="box-empty">No boxes in this series. Press “Draw box” (B) and drag on the image.</p>;
  }
  return (
    <ul className="box-list" aria-label="Boxes in this series">
      {listed.map((entry) => {
        const { box, index } = entry;
        const label = box.label ? ` · ${box.label}` : '';
        const belowScore = !passesMinScore(box, minScore);
        const labelHidden = !labelShown(box, hiddenLabels);
        const hidden = belowScore || labelHidden;
        return (
          <li key={box.id}>
            <button
              type="button"
              className={`box-item ${hidden ? 'box-hidden' : ''} ${box.review === 'rejected' ? 'box-rejected' : ''}`}
              data-review={box.review ?? 'unreviewed'}
              aria-pressed={box.id === selectedId}
              title={entryTitle(entry)}
              onClick={() => onPick(entry)}
            >
              <span className="box-swatch" style={{ background: `rgb(${box.color.join(',')})` }} />
              <span>
                Slice {index + 1}
                {label}
                {box.score === undefined ? null : (
                  <span className="box-score"> · {formatScore(box.score)}</span>
                )}
                {belowScore ? (
                  <span className="box-note"> · hidden (below {formatScore(minScore ?? 0)})</span>
                ) : labelHidden ? (
                  <span className="box-note"> · hidden (label hidden)</span>
                ) : null}
                {box.region === undefined ? null : <span className="box-note"> · outline</span>}
                <ReviewNote box={box} />
                {unlabelled.has(box.id) ? (
                  <span className="box-note box-unlabelled" title={UNPLACED_LABEL_TEXT}>
                    {' '}
                    · label not drawn (no room)
                  </span>
                ) : null}
                {missingGlyphs(labelText(box) ?? '').length === 0 ? null : (
                  <span
                    className="box-note box-glyphs"
                    title={`The label font has no glyph for ${missingGlyphs(labelText(box) ?? '')
                      .map(describeCharacter)
                      .join(', ')}: drawn as hollow boxes`}
                  >
                    {' '}
                    · characters drawn as boxes
                  </span>
                )}
                {box.clippedEdges === undefined ? null : (
                  <span className="box-note box-clipped"> · clipped at {edgesText(box.clippedEdges)}</span>
                )}
              </span>
              <span className="box-coords">
                {box.x1},{box.y1} – {box.x2},{box.y2}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
