// Tasklist configuration of the IMR case management application. It replaces the webapp's own
// config.js (the application's classes come first on the class path) to load the header's links to
// the case file and the case search (app/tasklist/imr-page-links/plugin.js), what intake meets around
// the start form (imr-start-form) and the task view's Case tab (imr-case), and an AngularJS module
// (imr-translations) that has Tasklist's views wait for its translation table; the keyboard
// shortcuts are Tasklist's own.
export default {
  customScripts: ['imr-page-links/plugin', 'imr-start-form/plugin', 'imr-case/plugin'],
  requireJsConfig: {
    deps: ['imr-translations'],
    ngDeps: ['imr.translations'],
    paths: {'imr-translations': 'imr-translations/module'}
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
