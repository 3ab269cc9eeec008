// Static settings of the Runfolio site. `runfolio build` adds the per-build parts (outDir, base,
// site, and the Runfolio integration carrying the data) through Astro's programmatic build().
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Pages render while earlier ones are written: most of a big build is file I/O.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [react()],
  devToolbar: { enabled: false },
  prefetch: false,
});
