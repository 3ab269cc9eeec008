// Astro's ambient types (CSS modules, import.meta.env, .astro imports) without the generated
// .astro/types.d.ts, so `npm run typecheck` passes on a fresh clone.
/// <reference types="astro/client" />
