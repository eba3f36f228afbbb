// Draws a decoded frame upright: a phone file stores its picture in the sensor's orientation and asks for a clockwise
// rotation on display (its display matrix). MoveNet is not rotation-invariant (a person lying sideways is not found
// or gets a wrong skeleton), so the pixels are turned before the model sees them. Works on a page canvas and on an
// OffscreenCanvas in the worker.
/** Clockwise display rotation of a video file, deg. */
export type RotationDeg = 0 | 90 | 180 | 270;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The stored (coded-orientation) size of a picture whose upright size is `widthPx` x `heightPx`. */
export function storedSize(widthPx: number, heightPx: number, rotationDeg: RotationDeg): { widthPx: number; heightPx: number } {
  return rotationDeg === 90 || rotationDeg === 270 ? { widthPx: heightPx, heightPx: widthPx } : { widthPx, heightPx };
}

/**
 * Draws `image` (stored orientation) turned clockwise by `rotationDeg` so it fills a `widthPx` x `heightPx` upright
 * picture at the context's origin. Canvas y points down, so a positive rotate() turns clockwise.
 */
export function drawUpright(ctx: Context2D, image: CanvasImageSource, widthPx: number, heightPx: number, rotationDeg: RotationDeg): void {
  const stored = storedSize(widthPx, heightPx, rotationDeg);
  ctx.save();
  if (rotationDeg === 90) ctx.translate(widthPx, 0);
  else if (rotationDeg === 180) ctx.translate(widthPx, heightPx);
  else if (rotationDeg === 270) ctx.translate(0, heightPx);
  ctx.rotate((rotationDeg * Math.PI) / 180);
  ctx.drawImage(image, 0, 0, stored.widthPx, stored.heightPx);
  ctx.restore();
}
