// Icons for the web manifest and the page, generated from public/icon.svg: `npm run icons` (commit the PNGs).
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: { ...minimal2023Preset, maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#12171d' } }, apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#12171d' } } },
  images: ['public/icon.svg'],
});
