// Words for the camera placement check (src/coach/placement.ts): the one instruction to follow now, a line of
// detail, and the checklist labels. Plain words, said from where the person stands: "left" and "right" are as they
// see the camera when facing it (the mirrored preview shows that side on the screen's same side).
import type { PlacementItemId, PlacementState, PlacementVerdict } from '../coach/placement';
import type { CameraView } from '../rules/engine/types';
import { visibilityWords } from './words';

export interface PlacementWords {
  headline: string;
  detail: string | null;
  items: { id: PlacementItemId; label: string; status: 'ok' | 'bad' | 'pending' }[];
}

const LIGHT_DETAIL = 'Turn on a light in front of you, and avoid a bright window behind you.';

function itemLabel(id: PlacementItemId, s: PlacementState): string {
  const j = s.judged;
  switch (id) {
    case 'in-view': return 'Whole body in the picture';
    case 'size': return j?.size === 'small' ? 'Large enough: come closer' : 'Large enough';
    case 'level': return j?.level === 'tilted' ? `Camera level: tilted ${Math.abs(j.rollDeg).toFixed(0)}°` : 'Camera level';
    case 'facing': return s.view === 'side' ? 'Side-on to the camera (after the level check)' : 'Facing the camera';
    case 'light': return 'Light';
  }
}

export function placementWords(s: PlacementState, v: PlacementVerdict, view: CameraView = s.view): PlacementWords {
  const items = v.items.map((i) => ({ ...i, label: itemLabel(i.id, s) }));
  const j = s.judged;
  const say = (headline: string, detail: string | null = null): PlacementWords => ({ headline, detail, items });
  if (v.status === 'good') return say('✓ Camera placement looks good', view === 'side' ? 'Stay side-on for this exercise.' : null);
  switch (v.next) {
    case 'no-person': return say('Stand where you will exercise, facing the camera', 'The camera check needs your whole body, standing still for a second.');
    case 'dim':
    case 'more-light': return say('More light, please: the camera sees you poorly', LIGHT_DETAIL);
    case 'not-in-view': return say(visibilityWords('NOT_VISIBLE', 'front', s.missing), 'Stand so that the camera sees you from head to feet.');
    case 'not-standing': return say('Stand up straight, arms by your sides', 'The camera check is done standing; you get into the exercise position after it.');
    case 'face-camera': return say('Face the camera for a moment', 'The level of the camera is judged from your shoulders and hips, seen from the front.');
    case 'turn-side': return say('Now turn side-on to the camera', 'This exercise is judged from the side.');
    case 'moving': return say('Hold still for a moment');
    case 'collecting': return say('Hold still: checking the camera…');
    case 'camera-tilted': {
      const side = j?.lowerSide ?? 'left';
      const other = side === 'left' ? 'right' : 'left';
      return say(`Camera tilted ${Math.abs(j?.rollDeg ?? 0).toFixed(0)}°: lower its ${side} side`,
        `As you face the camera, lower its ${side} side a little (or raise its ${other} side), then stand still again.`);
    }
    case 'stand-evenly': return say('Stand evenly on both feet', 'Weight on both legs, shoulders relaxed: your shoulders and hips then show how level the camera is.');
    case 'come-closer': return say('Come closer to the camera', 'You are small in the picture: about 2 to 3 m from a laptop camera works well.');
    default: return say('Checking the camera…');
  }
}
