// A local video file decoded frame by frame for analysis: every frame once, in presentation order, each with its own
// presentation timestamp, as fast as the browser's decoder goes (WebCodecs), not bound to playback speed. The same
// file therefore always gives the same frames, whatever the speed of the machine.
// Demuxing (MP4, MOV, WebM, MKV) and the WebCodecs decoder come from mediabunny (MPL-2.0, no dependencies): it reads
// the container's sample tables, edit lists and display matrix, which a hand-written demuxer would have to repeat
// for each container. Measured in headless Chromium (bench/results.md, "Decoding a file"): decoding alone runs at
// several hundred frames/s on a 960x540 clip, so inference, not decoding, sets the analysis speed.
// Phone files: the display rotation of the file is reported here and applied where the pixels are read
// (upright.ts), so the model sees the person upright; frames themselves come in the coded orientation.
import { BlobSource, Input, MATROSKA, MP4, QTFF, UnsupportedInputFormatError, VideoSampleSink, WEBM } from 'mediabunny';
import type { RotationDeg } from './upright';
import { VideoFileError } from './video-file';
import { errorText } from '../core/error-text';

export type { RotationDeg };

export interface RecordingInfo {
  fileName: string;
  /** From the first to the end of the last frame, ms. */
  durationMs: number;
  /** Size of the upright picture (after the file's rotation), px: the PoseFrames' image size. */
  widthPx: number;
  heightPx: number;
  /** Clockwise rotation the file asks for on display, deg. */
  rotationDeg: RotationDeg;
  /** Codec name as the container gives it (avc, hevc, vp9, av1, ...), or null. */
  codec: string | null;
}

export interface DecodedFrame {
  /** In the coded orientation; the receiver must close it (or transfer it). */
  frame: VideoFrame;
  /** The frame's own presentation time, ms (>= 0). */
  timestampMs: number;
}

export interface Recording {
  readonly info: RecordingInfo;
  /** Every frame from the first to the last. Stopping the iteration early (break, return) stops the decoder. */
  frames(): AsyncGenerator<DecodedFrame, void, undefined>;
  dispose(): void;
}

/** The containers phones and browsers record video in (the audio-only ones of mediabunny are left out of the bundle). */
const VIDEO_FORMATS = [MP4, QTFF, WEBM, MATROSKA];

const CODEC_NAMES: Record<string, string> = { hevc: 'H.265 / HEVC', avc: 'H.264', vp8: 'VP8', vp9: 'VP9', av1: 'AV1' };

/**
 * Opens `file` and checks that this browser can decode its video. Rejects with a VideoFileError that says what is
 * wrong: not a video, no picture, a codec this browser cannot decode, or no WebCodecs at all.
 */
export async function openRecording(file: File): Promise<Recording> {
  const name = file.name || 'the file';
  if (file.type && !file.type.startsWith('video/') && !file.type.startsWith('application/octet-stream')) {
    throw new VideoFileError(name, `"${name}" is not a video (${file.type}). Choose a video file such as .mp4, .mov or .webm.`);
  }
  const input = new Input({ source: new BlobSource(file), formats: VIDEO_FORMATS });
  try {
    try {
      await input.getFormat();
    } catch (e) {
      if (e instanceof UnsupportedInputFormatError) {
        throw new VideoFileError(name, `"${name}" is not a video this app can read. Choose a video file such as .mp4, .mov or .webm.`);
      }
      throw e;
    }
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new VideoFileError(name, `"${name}" has no picture (an audio-only file?).`);
    const codec = await track.getCodec();
    if (typeof VideoDecoder !== 'function') {
      throw new VideoFileError(name, `This browser cannot decode video frame by frame (it has no WebCodecs). Use a current Chrome, Edge, Safari or Firefox.`);
    }
    if (!(await track.canDecode())) {
      const what = codec ? CODEC_NAMES[codec] ?? codec : 'an unknown codec';
      throw new VideoFileError(name, `"${name}" is encoded as ${what}, which this browser cannot decode. ` +
        `Export it as H.264 (on an iPhone: Settings › Camera › Formats › Most Compatible) and choose it again.`);
    }
    const [widthPx, heightPx, rotation, firstSec, endSec] = await Promise.all([
      track.getDisplayWidth(), track.getDisplayHeight(), track.getRotation(), track.getFirstTimestamp(), track.computeDuration(),
    ]);
    const info: RecordingInfo = {
      fileName: name, durationMs: Math.max(0, (endSec - Math.max(0, firstSec)) * 1000), widthPx, heightPx,
      rotationDeg: rotation, codec,
    };
    return {
      info,
      async *frames() {
        const sink = new VideoSampleSink(track);
        for await (const sample of sink.samples()) {
          // Frames that end before time 0 belong to an edit list's pre-roll: never shown, so never analysed.
          if (sample.timestamp + sample.duration <= 0) { sample.close(); continue; }
          const timestampMs = Math.max(0, sample.microsecondTimestamp / 1000);
          let frame: VideoFrame;
          try {
            frame = sample.toVideoFrame();
          } finally {
            sample.close();
          }
          yield { frame, timestampMs };
        }
      },
      dispose: () => input.dispose(),
    };
  } catch (e) {
    input.dispose();
    if (e instanceof VideoFileError) throw e;
    throw new VideoFileError(name, `"${name}" cannot be read: ${errorText(e)}.`);
  }
}
