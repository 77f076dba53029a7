/** Window presets, Auto, numeric width/level, zoom and fit: every control named for assistive technology. */
import type { ReactNode } from 'react';
import type { WindowSpec } from '../../../shared/pipeline/types';
import type { WindowPreset } from '../../../shared/presets';
import { NumberField } from '../../components/NumberField';
import { MIN_WIDTH } from './viewer-state';
import './toolbar.css';

interface Props {
  presets: readonly WindowPreset[];
  spec: WindowSpec;
  numbers: { center: number; width: number } | undefined;
  helpOpen: boolean;
  /** why the window cannot be changed (a colour image has no window), shown on hover; undefined: it can */
  noWindow?: string | undefined;
  onPreset(name: string): void;
  onAuto(): void;
  onCustom(center: number, width: number): void;
  onZoom(factor: number): void;
  onFit(): void;
  onHelp(): void;
  /** more tools (the box editor's), placed before Help */
  children?: ReactNode;
}

export function ViewerToolbar(props: Props) {
  const { presets, spec, numbers, noWindow } = props;
  const off = noWindow !== undefined;
  return (
    <div className="toolbar" role="toolbar" aria-label="Viewer tools">
      <div className="button-group window-presets" role="group" aria-label="Window presets" title={noWindow}>
        <button
          type="button"
          aria-pressed={!off && spec.kind === 'auto'}
          disabled={off}
          onClick={props.onAuto}
          title={noWindow ?? "The file's own window (A)"}
        >
          Auto
        </button>
        {presets.map((preset, i) => (
          <button
            key={preset.id}
            type="button"
            aria-pressed={!off && spec.kind === 'preset' && spec.name === preset.name}
            disabled={off}
            title={noWindow ?? `W ${preset.width} L ${preset.center}${i < 9 ? ` (${i + 1})` : ''}`}
            onClick={() => props.onPreset(preset.name)}
          >
            {preset.name}
          </button>
        ))}
      </div>
      <div className="field-group" role="group" aria-label="Window width and level" title={noWindow}>
        <NumberField
          label="Width"
          value={numbers?.width}
          min={MIN_WIDTH}
          onCommit={(width) => numbers && props.onCustom(numbers.center, width)}
        />
        <NumberField
          label="Level"
          value={numbers?.center}
          onCommit={(center) => numbers && props.onCustom(center, numbers.width)}
        />
      </div>
      <div className="button-group" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" onClick={() => props.onZoom(1 / 1.25)}>
          −
        </button>
        <button type="button" aria-label="Zoom in" onClick={() => props.onZoom(1.25)}>
          +
        </button>
        <button type="button" onClick={props.onFit} title="Fit the image to the view (F)">
          Fit
        </button>
      </div>
      {props.children}
      <button
        type="button"
        className="help-button"
        aria-expanded={props.helpOpen}
        onClick={props.onHelp}
        title="Keyboard shortcuts (?)"
      >
        Help
      </button>
    </div>
  );
}
