declare module 'virtual:runfolio/config' {
  const config: import('./lib/site/config.ts').SiteConfig;
  export default config;
}
