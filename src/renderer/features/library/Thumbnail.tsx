/** A series thumbnail: its middle slice through the shared pipeline (file's own window), scaled down. */
import { useEffect, useRef, useState } from 'react';
import type { SeriesEntry } from '../../../shared/ipc/library';
import { frameCache, frameKey } from '../../lib/frames';
import { drawFrame } from '../viewer/render-frame';

const SIZE = 64;

/** Thumbnails load one after another, so a folder of many series does not flood main with decodes. */
let queue: Promise<void> = Promise.resolve();

export function Thumbnail({ series }: { series: SeriesEntry }) {
  const target = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const middle = series.slices[Math.floor(series.slices.length / 2)];
  const key = middle ? frameKey(middle) : undefined;

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    queue = queue.then(async () => {
      if (!live) return;
      const entry = await frameCache().load(key);
      const canvas = target.current;
      if (!live || !canvas) return;
      if (entry.state !== 'ready') return setFailed(true);
      const full = document.createElement('canvas');
      const drawn = drawFrame(full, entry.value, { kind: 'auto' }, {});
      if (!drawn.ok) return setFailed(true);
      const scale = Math.min(SIZE / full.width, SIZE / full.height);
      const width = full.width * scale;
      const height = full.height * scale;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.imageSmoothingQuality = 'high';
      context.fillStyle = '#000';
      context.fillRect(0, 0, SIZE, SIZE);
      context.drawImage(full, (SIZE - width) / 2, (SIZE - height) / 2, width, height);
    });
    return () => {
      live = false;
    };
  }, [key]);

  return (
    <canvas
      ref={target}
      className={`thumbnail ${failed ? 'thumbnail-failed' : ''}`}
      width={SIZE}
      height={SIZE}
      aria-hidden="true"
    />
  );
}
