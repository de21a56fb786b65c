// Tasklist's views wait for its translation table. Its task list header (the sorting, "Due date")
// and its search box ("Filter Tasks") read the table once, when they are drawn; the table comes from
// locales/en.json, and Tasklist keeps a copy in the browser. Opened already signed in (a link or
// bookmark to a task, a reload, a page opened from the case page or Cockpit) in a browser without
// that copy (a first visit, storage cleared), Tasklist knows the session before the table arrives and
// drew them with their keys: DUE_DATE, SEARCH_PLACEHOLDER. Each view now waits until the table is
// there (angular-translate's onReady, which also answers when the table could not be loaded).
// Loaded by scripts/config.js (requireJsConfig: an AngularJS module of the custom scripts).
define(['angular'], function (angular) {
  'use strict';
  angular.module('imr.translations', []).run(['$route', function ($route) {
    Object.keys($route.routes).forEach(function (path) {
      var route = $route.routes[path];
      if (route.template || route.templateUrl || route.controller) {
        route.resolve = angular.extend({}, route.resolve, {
          imrTranslations: ['$translate', function ($translate) {
            return $translate.onReady();
          }]
        });
      }
    });
  }]);
});
