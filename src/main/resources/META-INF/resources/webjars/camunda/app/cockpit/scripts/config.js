// Cockpit configuration of the IMR case management application. It replaces the webapp's own
// config.js (the application's classes come first on the class path) only to load the SLA
// dashboard plugin (app/cockpit/imr-sla/plugin.js, the 7.14+ frontend plugin interface), the
// case search link (imr-case-search/plugin.js) and the supervisors' publication page
// (imr-publication/plugin.js).
export default {
  customScripts: ['imr-sla/plugin', 'imr-case-search/plugin', 'imr-publication/plugin']
};
