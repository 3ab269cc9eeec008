/** What `runfolio build` tells the pages, through the integration's virtual module. */
export interface SiteConfig {
  /** Project title shown in the header (`--title`). */
  title: string;
  /** JSON file holding the SiteViews of this build (written by the CLI, read once by the pages). */
  viewsFile: string;
}
