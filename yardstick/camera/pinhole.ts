// Pinhole camera placed around the person and pointed at them.
// - azimuthDeg: where the camera stands around the person, seen from above. 0 = in front (the person's left
//   appears on the image RIGHT, unmirrored, as core/pose-frame.ts says); 90 = at the person's left side;
//   180 = behind. A body turned by `yaw` against the camera = the camera at azimuth -yaw.
// - distanceM: horizontal distance from the look-at point; heightM: lens height above the floor. The camera is
//   pitched to look at `lookAt` (the middle of the body), so a high camera looks down.
// - rollDeg: rotation about the optical axis (a laptop on a sloping table). Positive = a level line in the world
//   shows with its right end LOWER in the image.
// - widthPx x heightPx (16:9 landscape or 9:16 portrait), fovDeg = field of view across the LONGER image side.
// Mirroring is not the lens's doing: the detector stage flips the picture (detector-noise/pipeline.ts).
import type { KeypointName } from '../../src/core/pose-frame';
import type { Body3D } from '../body/skeleton';
import { add, cross, DEG, dot, scale, sub, unit, v3, type Vec3 } from '../body/vec';

export interface CameraSpec {
  azimuthDeg: number;
  distanceM: number;
  heightM: number;
  lookAt: Vec3;
  rollDeg: number;
  widthPx: number;
  heightPx: number;
  fovDeg: number;
}

export const defaultCamera = (over: Partial<CameraSpec> = {}): CameraSpec => ({
  azimuthDeg: 0, distanceM: 3, heightM: 1.0, lookAt: v3(0, 0.9, 0), rollDeg: 0, widthPx: 960, heightPx: 540, fovDeg: 65, ...over,
});

export interface Projected { x: number; y: number; depthM: number }

/** Camera position in the world. */
export function cameraPosition(cam: CameraSpec): Vec3 {
  const a = cam.azimuthDeg * DEG;
  return v3(cam.lookAt.x + Math.sin(a) * cam.distanceM, cam.heightM, cam.lookAt.z + Math.cos(a) * cam.distanceM);
}

/** Focal length in px. */
export const focalPx = (cam: CameraSpec) => Math.max(cam.widthPx, cam.heightPx) / 2 / Math.tan((cam.fovDeg * DEG) / 2);

/** Pitch of the optical axis, deg (negative = looking down). */
export function pitchDeg(cam: CameraSpec): number {
  const d = sub(cam.lookAt, cameraPosition(cam));
  return Math.atan2(d.y, Math.hypot(d.x, d.z)) / DEG;
}

export function projector(cam: CameraSpec): (p: Vec3) => Projected {
  const pos = cameraPosition(cam);
  const fwd = unit(sub(cam.lookAt, pos));
  const right0 = unit(cross(fwd, v3(0, 1, 0)));
  const up0 = cross(right0, fwd);
  const r = cam.rollDeg * DEG;
  const right = add(scale(right0, Math.cos(r)), scale(up0, Math.sin(r)));
  const up = sub(scale(up0, Math.cos(r)), scale(right0, Math.sin(r)));
  const f = focalPx(cam);
  return (p) => {
    const d = sub(p, pos);
    const z = dot(d, fwd);
    return { x: cam.widthPx / 2 + (f * dot(d, right)) / z, y: cam.heightPx / 2 - (f * dot(d, up)) / z, depthM: z };
  };
}

/** Projects all 17 keypoints to pixels. */
export function projectBody(b: Body3D, cam: CameraSpec): Record<KeypointName, Projected> {
  const proj = projector(cam);
  const out = {} as Record<KeypointName, Projected>;
  for (const [k, p] of Object.entries(b) as [KeypointName, Vec3][]) out[k] = proj(p);
  return out;
}
