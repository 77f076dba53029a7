/** Text over the image, in the corners and at the edges as on a PACS screen; `I` hides the image details. */
import type { ImageHeader } from '../../../shared/dicom/image-header';
import type { SeriesEntry } from '../../../shared/ipc/library';
import { imageInfo } from './image-info';
import './overlay.css';

interface Props {
  series: SeriesEntry;
  index: number;
  numbers: { center: number; width: number } | undefined;
  windowLabel: string;
  zoom: number;
  patient: string;
  /** the header of the slice shown, once it is loaded */
  header: ImageHeader | undefined;
  /** orientation letters, position, thickness and the file's window (toggled with I) */
  details: boolean;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

export function Overlay({ series, index, numbers, windowLabel, zoom, patient, header, details }: Props) {
  const info = details && header ? imageInfo(header) : {};
  const place = [info.location, info.thickness].filter((t) => t !== undefined).join(' · ');
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
      <div className="overlay-bottom-left">
        <div data-testid="slice-position">
          Slice {index + 1} / {series.slices.length}
        </div>
        {place ? (
          <div className="overlay-dim" data-testid="slice-place">
            {place}
          </div>
        ) : null}
      </div>
      <div className="overlay-bottom-right">
        <div data-testid="window-readout">
          {numbers ? `W ${round(numbers.width)} L ${round(numbers.center)}` : 'No window (colour image)'}
        </div>
        <div className="overlay-dim">
          {windowLabel} · {Math.round(zoom * 100)}%
        </div>
        {info.fileWindow ? (
          <div className="overlay-dim" data-testid="file-window">
            {info.fileWindow}
          </div>
        ) : null}
      </div>
      {info.edges
        ? (['left', 'right', 'top', 'bottom'] as const).map((edge) => (
            <div
              key={edge}
              className={`overlay-edge overlay-edge-${edge}`}
              data-testid={`orientation-${edge}`}
              title="Patient direction (from Image Orientation (Patient))"
            >
              {info.edges?.[edge]}
            </div>
          ))
        : null}
    </div>
  );
}
