// zod 4 probes `new Function('')` once to decide whether it may compile fast parsers. The built page's CSP forbids
// eval (script-src has no 'unsafe-eval'), so the probe only fails and files a CSP violation report on every load.
// jitless = skip the probe and use the interpreted parsers (we parse configs and fixtures, not every frame).
// Must be imported before any module that parses with zod (main.ts imports it first).
import { config } from 'zod';

config({ jitless: true });
