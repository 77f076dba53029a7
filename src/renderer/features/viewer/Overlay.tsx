/** Text over the image, in the corners as on a PACS screen. */
import type { SeriesEntry } from '../../../shared/ipc/library';

interface Props {
  series: SeriesEntry;
  index: number;
  numbers: { center: number; width: number } | undefined;
  windowLabel: string;
  zoom: number;
  patient: string;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

export function Overlay({ series, index, numbers, windowLabel, zoom, patient }: Props) {
  return (
    <div className="overlay" aria-hidden="false">
      <div className="overlay-top-left">
        <div>{patient}</div>
        <div className="overlay-dim">
          {series.columns} × {series.rows}
        </div>
      </div>
      <div className="overlay-top-right">
        <div data-testid="series-description">{series.description || 'Series without description'}</div>
        <div className="overlay-dim">
          {series.modality}
          {series.seriesNumber === undefined ? '' : ` · Series ${series.seriesNumber}`}
        </div>
      </div>
      <div className="overlay-bottom-left" data-testid="slice-position">
        Slice {index + 1} / {series.slices.length}
      </div>
      <div className="overlay-bottom-right">
        <div data-testid="window-readout">
          {numbers ? `W ${round(numbers.width)} L ${round(numbers.center)}` : 'No window (colour image)'}
        </div>
        <div className="overlay-dim">
          {windowLabel} · {Math.round(zoom * 100)}%
        </div>
      </div>
    </div>
  );
}
