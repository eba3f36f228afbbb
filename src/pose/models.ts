// The pose models the app ships (models/) and their files. No tfjs import: the first screen reads these names
// without loading any model code.

export type ModelId = 'lightning' | 'thunder';
export const MODEL_IDS: readonly ModelId[] = ['lightning', 'thunder'];
/** Version of the files in models/ (their JSON's generatedBy names TF Hub movenet/singlepose/<id>/4). */
export const MODEL_VERSIONS: Record<ModelId, string> = {
  lightning: 'movenet-singlepose-lightning-v4',
  thunder: 'movenet-singlepose-thunder-v4',
};
export const MODEL_FILES: Record<ModelId, string> = {
  lightning: 'movenet-lightning.json',
  thunder: 'movenet-thunder.json',
};

/** `<page base>/models`, resolved on the page (a worker's own location is its script's, not the page's). */
export function defaultModelBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}models`, location.href).href;
}
