/**
 * Text over the image, in the corners and at the edges as on a PACS screen; `I` hides the image details.
 * A text that would lie over the burned-in AI notice moves off it (up for the bottom ones, down for the
 * top ones), so the notice a reader must see is never hidden by the viewer's own text.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ImageHeader } from '../../../shared/dicom/image-header';
import type { SeriesEntry } from '../../../shared/ipc/library';
import { imageInfo } from './image-info';
import { overlaps, type Rect } from '../../../shared/boxes/label-layout';
import './overlay.css';

type Block = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'edge-top' | 'edge-bottom';
const BLOCKS: readonly Block[] = [
  'top-left',
  'top-right',
  'bottom-left',
  'bottom-right',
  'edge-top',
  'edge-bottom',
];
/** Space kept between a moved text and the notice, in CSS pixels. */
const CLEARANCE = 4;

/** How far `block` (its layout box in `el`) must move vertically to clear `area`; 0 when it does not touch it. */
function shiftOff(block: Block, el: HTMLElement, area: Rect): number {
  const box = { x: el.offsetLeft, y: el.offsetTop, width: el.offsetWidth, height: el.offsetHeight };
  if (!overlaps(box, area)) return 0;
  return block.startsWith('top') || block === 'edge-top'
    ? area.y + area.height + CLEARANCE - box.y
    : area.y - CLEARANCE - (box.y + box.height);
}

/**
 * Moves every block that lies over `avoid` off it, after layout and before paint, by the CSS `translate`
 * property (the offsets measured are the layout's, which a translate leaves as they are).
 */
function useKeepOff(
  refs: Record<Block, RefObject<HTMLDivElement | null>>,
  avoid: Rect | undefined,
  layoutKey: string,
): void {
  useLayoutEffect(() => {
    for (const block of BLOCKS) {
      const el = refs[block].current;
      if (!el) continue;
      const dy = avoid ? shiftOff(block, el, avoid) : 0;
      if (dy === 0) el.style.removeProperty('translate');
      else el.style.setProperty('translate', `0 ${dy}px`);
    }
    // refs are stable; what moves the blocks is the notice and the texts (layoutKey)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [avoid?.x, avoid?.y, avoid?.width, avoid?.height, layoutKey]);
}

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
  /** where the AI notice lies on the stage, in CSS pixels: the texts keep off it */
  avoid?: Rect;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

export function Overlay({
  series,
  index,
  numbers,
  windowLabel,
  zoom,
  patient,
  header,
  details,
  avoid,
}: Props) {
  const info = details && header ? imageInfo(header) : {};
  const place = [info.location, info.thickness].filter((t) => t !== undefined).join(' · ');
  const refs: Record<Block, RefObject<HTMLDivElement | null>> = {
    'top-left': useRef<HTMLDivElement>(null),
    'top-right': useRef<HTMLDivElement>(null),
    'bottom-left': useRef<HTMLDivElement>(null),
    'bottom-right': useRef<HTMLDivElement>(null),
    'edge-top': useRef<HTMLDivElement>(null),
    'edge-bottom': useRef<HTMLDivElement>(null),
  };
  const layoutKey = [
    index,
    place,
    windowLabel,
    zoom,
    details,
    numbers?.center,
    numbers?.width,
    series.seriesInstanceUid,
  ].join('|');
  useKeepOff(refs, avoid, layoutKey);
  return (
    <div className="overlay" aria-hidden="false">
      <div className="overlay-top-left" ref={refs['top-left']}>
        <div>{patient}</div>
        <div className="overlay-dim">
          {series.columns} × {series.rows}
        </div>
      </div>
      <div className="overlay-top-right" ref={refs['top-right']}>
        <div data-testid="series-description">{series.description || 'Series without description'}</div>
        <div className="overlay-dim">
          {series.modality}
          {series.seriesNumber === undefined ? '' : ` · Series ${series.seriesNumber}`}
        </div>
      </div>
      <div className="overlay-bottom-left" ref={refs['bottom-left']}>
        <div data-testid="slice-position">
          Slice {index + 1} / {series.slices.length}
        </div>
        {place ? (
          <div className="overlay-dim" data-testid="slice-place">
            {place}
          </div>
        ) : null}
      </div>
      <div className="overlay-bottom-right" ref={refs['bottom-right']}>
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
              ref={edge === 'top' || edge === 'bottom' ? refs[`edge-${edge}`] : undefined}
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
