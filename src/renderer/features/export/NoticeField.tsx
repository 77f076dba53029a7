/**
 * The Export dialog's AI notice, the choice `convert --notice auto|none|TEXT` offers: one short line on
 * each image with a finding (auto: the algorithm and the review state), none, or the user's own text.
 * The viewer burns the same choice, so what it shows is what the export writes.
 */
import { useState } from 'react';
import type { NoticeChoice } from '../../../shared/boxes/notice';
import { MAX_NOTICE_TEXT } from '../../../shared/boxes/notice-schema';

interface Props {
  value: NoticeChoice;
  onChange(value: NoticeChoice): void;
}

export function NoticeField({ value, onChange }: Props) {
  // The text typed is kept while another choice is tried, and the custom choice starts with it.
  const [text, setText] = useState(value.kind === 'text' ? value.text : 'AI result - not for diagnosis');
  return (
    <div className="notice-field" role="radiogroup" aria-label="AI notice">
      <span>AI notice on images with findings</span>
      <label className="choice">
        <input
          type="radio"
          name="notice"
          checked={value.kind === 'auto'}
          onChange={() => onChange({ kind: 'auto' })}
        />
        Automatic (algorithm and review state)
      </label>
      <label className="choice">
        <input
          type="radio"
          name="notice"
          checked={value.kind === 'none'}
          onChange={() => onChange({ kind: 'none' })}
        />
        None
      </label>
      <label className="choice">
        <input
          type="radio"
          name="notice"
          checked={value.kind === 'text'}
          onChange={() => onChange({ kind: 'text', text: text.trim() })}
        />
        Own text
      </label>
      <input
        type="text"
        aria-label="Notice text"
        value={text}
        maxLength={MAX_NOTICE_TEXT}
        disabled={value.kind !== 'text'}
        onChange={(event) => {
          const line = event.target.value.replace(/[\r\n]/g, ' ');
          setText(line);
          if (line.trim() !== '') onChange({ kind: 'text', text: line.trim() });
        }}
      />
    </div>
  );
}
