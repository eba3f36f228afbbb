// Node-only: loads MoveNet graph models from models/ on disk as a tfjs IOHandler.
// `file://` URLs only work with tfjs-node (a native addon we do not use), so we read the JSON and its weight
// shards ourselves and hand tfjs the artifacts in memory.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from '@tensorflow/tfjs-core';
import { MODEL_FILES, type ModelId } from '../detector';

/** Absolute path of the repo's models/ folder (src/pose/node -> ../../../models). */
export const DEFAULT_MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models');

export interface ModelFileInfo {
  modelId: ModelId;
  jsonPath: string;
  /** e.g. "movenet-singlepose-lightning-v4", from the JSON's generatedBy (TF Hub handle). */
  version: string;
  /** sha256 of the (first) weights shard. */
  weightsSha256: string;
}

interface ModelJson {
  generatedBy?: string;
  weightsManifest: Array<{ paths: string[] }>;
}

function readModelJson(jsonPath: string): ModelJson {
  if (!existsSync(jsonPath)) throw new Error(`model file not found: ${jsonPath}`);
  try {
    return JSON.parse(readFileSync(jsonPath, 'utf8')) as ModelJson;
  } catch (e) {
    throw new Error(`model file is not valid JSON: ${jsonPath}: ${(e as Error).message}`);
  }
}

/** "https://tfhub.dev/google/movenet/singlepose/lightning/4" -> "movenet-singlepose-lightning-v4". */
export function versionFromGeneratedBy(generatedBy: string | undefined, modelId: ModelId): string {
  const m = generatedBy?.match(/movenet\/singlepose\/(\w+)\/(\d+)/);
  return m ? `movenet-singlepose-${m[1]}-v${m[2]}` : `movenet-singlepose-${modelId}`;
}

export function modelFileInfo(modelId: ModelId, modelsDir = DEFAULT_MODELS_DIR): ModelFileInfo {
  const jsonPath = path.join(modelsDir, MODEL_FILES[modelId]);
  const json = readModelJson(jsonPath);
  const shard = json.weightsManifest[0]?.paths[0];
  if (!shard) throw new Error(`model JSON has no weight shards: ${jsonPath}`);
  const binPath = path.join(path.dirname(jsonPath), shard);
  if (!existsSync(binPath)) throw new Error(`model weights not found: ${binPath} (listed in ${jsonPath})`);
  return {
    modelId,
    jsonPath,
    version: versionFromGeneratedBy(json.generatedBy, modelId),
    weightsSha256: createHash('sha256').update(readFileSync(binPath)).digest('hex'),
  };
}

/** An IOHandler that reads `models/<file>.json` and its shards from disk. */
export function modelIOHandler(modelId: ModelId, modelsDir = DEFAULT_MODELS_DIR): io.IOHandler {
  const jsonPath = path.join(modelsDir, MODEL_FILES[modelId]);
  return {
    load: async () => {
      const json = readModelJson(jsonPath) as unknown as io.ModelJSON;
      return io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs: io.WeightsManifestEntry[] = [];
        const buffers: Uint8Array[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const p of group.paths) {
            const file = path.join(path.dirname(jsonPath), p);
            if (!existsSync(file)) throw new Error(`model weights not found: ${file} (listed in ${jsonPath})`);
            buffers.push(readFileSync(file));
          }
        }
        const total = buffers.reduce((s, b) => s + b.byteLength, 0);
        const data = new Uint8Array(total);
        let off = 0;
        for (const b of buffers) { data.set(b, off); off += b.byteLength; }
        return [specs, data.buffer];
      });
    },
  };
}
