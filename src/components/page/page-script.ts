/**
 * The one script every page (but an archive's) loads: the header search, the scroll boxes and,
 * on run pages, the key filter. One external module for the whole site, cached once, rather than
 * a small script inlined into each of 10,000 pages; each part does nothing where its markup is
 * absent.
 */
import { mountSiteSearch } from '../search/mount-site-search.ts';
import { mountKeyFilter } from './key-filter.ts';
import { focusScrollBoxes } from './scroll-boxes.ts';

mountSiteSearch();
focusScrollBoxes();
mountKeyFilter();
