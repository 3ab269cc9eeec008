/** The header search box's words, shared by the static box (HeaderSearch.astro) and the island that takes it over. */
export const SEARCH_LABEL = 'Search experiments, runs, params and tags';
export const SEARCH_PLACEHOLDER = 'Search runs, params, tags…';
