// User choices that survive a reload (localStorage). Reads are defensive: storage may be blocked or hold junk.
import { MODEL_IDS, type ModelId } from '../pose/pose-source';

const MODEL_KEY = 'hip-trainer.model';
const CAMERA_KEY = 'hip-trainer.camera';

function read(key: string): string | null {
  try { return localStorage.getItem(key); } catch { return null; }
}
function write(key: string, value: string): void {
  try { localStorage.setItem(key, value); } catch { /* storage blocked (private mode): the choice lasts this visit */ }
}

export function loadModelChoice(): ModelId {
  const v = read(MODEL_KEY);
  return (MODEL_IDS as readonly string[]).includes(v ?? '') ? (v as ModelId) : 'lightning';
}
export const saveModelChoice = (id: ModelId) => write(MODEL_KEY, id);

export const loadCameraChoice = (): string | null => read(CAMERA_KEY);
export const saveCameraChoice = (deviceId: string) => write(CAMERA_KEY, deviceId);
