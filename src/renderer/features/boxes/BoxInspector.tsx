/** The selected box: label, colour and outline thickness, delete, and copies to other slices. */
import { useState } from 'react';
import { edgesText } from '../../../shared/boxes/clip';
import { UNPLACED_LABEL_TEXT } from '../../../shared/boxes/unplaced-label';
import { parseHexColor } from '../../../shared/boxes/hex-color';
import { describeCharacter, missingGlyphs } from '../../../shared/boxes/label-font';
import { formatScore, labelText } from '../../../shared/boxes/label-text';
import { hexColor } from '../../../shared/boxes/serialize';
import type { EditableBox } from '../../../shared/editor';
import { NumberField } from '../../components/NumberField';

interface Props {
  box: EditableBox;
  /** the label fits nowhere on its slice without covering another finding, so it is not drawn */
  labelNotDrawn: boolean;
  /** 0-based slice index of the box, and the series length */
  index: number;
  sliceCount: number;
  onStyle(patch: { color?: EditableBox['color']; thickness?: number; label?: string | null }): void;
  onDelete(): void;
  /** copies to slices `from`..`to` (0-based, inclusive) */
  onCopy(from: number, to: number): void;
}

export function BoxInspector({ box, labelNotDrawn, index, sliceCount, onStyle, onDelete, onCopy }: Props) {
  const [from, setFrom] = useState(index + 1);
  const [to, setTo] = useState(Math.min(sliceCount, index + 2));
  const missing = missingGlyphs(labelText(box) ?? '');
  return (
    <section className="box-inspector" aria-label="Selected box">
      <h3>Selected box</h3>
      {box.score === undefined ? null : (
        <p className="inspector-score">
          Score <strong>{formatScore(box.score)}</strong>
        </p>
      )}
      {labelNotDrawn ? (
        <p className="inspector-unlabelled" role="note">
          Label not drawn: {UNPLACED_LABEL_TEXT}, in the view and in the export.
        </p>
      ) : null}
      {missing.length === 0 ? null : (
        <p className="inspector-glyphs" role="note">
          The label font has no glyph for {missing.map(describeCharacter).join(', ')}: drawn as hollow boxes,
          in the view and in the export.
        </p>
      )}
      {box.clippedEdges === undefined ? null : (
        <p className="inspector-clipped" role="note">
          Clipped: in its box file this box reaches past {edgesText(box.clippedEdges)} of the image, so only
          the part inside is shown and exported. Moving that side inside clears this note.
        </p>
      )}
      <label className="text-field">
        <span>Label</span>
        <input
          type="text"
          value={box.label ?? ''}
          maxLength={200}
          onChange={(event) => onStyle({ label: event.target.value === '' ? null : event.target.value })}
        />
      </label>
      <div className="inspector-row">
        <label className="color-field">
          <span>Colour</span>
          <input
            type="color"
            value={`#${hexColor(box.color)}`}
            onChange={(event) => {
              const color = parseHexColor(event.target.value);
              if (color) onStyle({ color });
            }}
          />
        </label>
        <NumberField
          label="Thickness"
          value={box.thickness}
          min={1}
          onCommit={(value) => onStyle({ thickness: Math.min(256, Math.max(1, Math.round(value))) })}
        />
      </div>
      <div className="button-group">
        <button type="button" disabled={index === 0} onClick={() => onCopy(index - 1, index - 1)}>
          Copy to previous slice
        </button>
        <button type="button" disabled={index >= sliceCount - 1} onClick={() => onCopy(index + 1, index + 1)}>
          Copy to next slice
        </button>
      </div>
      <div className="inspector-row">
        <NumberField label="From slice" value={from} min={1} onCommit={(v) => setFrom(Math.round(v))} />
        <NumberField label="To slice" value={to} min={1} onCommit={(v) => setTo(Math.round(v))} />
        <button type="button" onClick={() => onCopy(from - 1, to - 1)}>
          Copy to slices
        </button>
      </div>
      <button type="button" className="danger" onClick={onDelete} title="Delete or Backspace">
        Delete box
      </button>
    </section>
  );
}
