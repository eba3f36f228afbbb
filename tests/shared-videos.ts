// Where the real exercise clips are: ../shared/videos beside the checkout, or $SHARED_DIR/videos. The clips are never
// committed (Pexels licence); tests, the bench and the recorder read them from here.
import { join, resolve } from 'node:path';

export const SHARED_DIR = process.env.SHARED_DIR ?? resolve(import.meta.dirname, '..', '..', 'shared');
export const VIDEOS_DIR = join(SHARED_DIR, 'videos');
export const clipPath = (name: string): string => join(VIDEOS_DIR, name.endsWith('.mp4') ? name : `${name}.mp4`);
