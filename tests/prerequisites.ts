// System tools some tests need (Debian packages), each checked once. Locally, a missing tool skips the suites that
// need it, with one line naming the apt command; in CI (CI set, or REQUIRE_BROWSER=1 as .ci/run sets) the same
// suites fail, so a missing install step can never pass as green.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export interface Prerequisite {
  name: string;
  available(): boolean;
  /** The command that installs it (Debian). */
  install: string;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM: Prerequisite = {
  name: CHROMIUM_PATH,
  available: () => existsSync(CHROMIUM_PATH),
  install: 'apt-get install -y chromium',
};

let ffmpegFound: boolean | undefined;
/** ffmpeg decodes clips and frames (src/pose/node/ffmpeg.ts, the fake camera's y4m files); ffprobe reads their size. */
export const FFMPEG: Prerequisite = {
  name: 'ffmpeg',
  available: () => (ffmpegFound ??= ['ffmpeg', 'ffprobe'].every((t) => spawnSync(t, ['-version'], { stdio: 'ignore' }).status === 0)),
  install: 'apt-get install -y ffmpeg',
};

/** CI must run every test: a missing tool is a failure there, not a skip. */
export const prerequisitesRequired = (): boolean =>
  process.env.REQUIRE_BROWSER === '1' || (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false');

/** `describe` that runs when every tool in `needs` is installed; otherwise skips (locally) or fails (CI), saying why. */
export function describeNeeding(needs: readonly Prerequisite[], name: string, fn: () => void): void {
  const missing = needs.filter((p) => !p.available());
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const why = missing.map((p) => `${p.name} not installed (${p.install})`).join('; ');
  if (prerequisitesRequired()) {
    describe(name, () => {
      it(`needs ${missing.map((p) => p.name).join(' and ')}`, () => {
        throw new Error(`${why}: required here (CI or REQUIRE_BROWSER=1)`);
      });
    });
  } else {
    console.warn(`skipped "${name}": ${why}`);
    describe.skip(`${name} (skipped: ${why})`, fn);
  }
}

/** A suite of Node tests that decode video or images with ffmpeg. */
export function describeWithFfmpeg(name: string, fn: () => void): void {
  describeNeeding([FFMPEG], name, fn);
}
