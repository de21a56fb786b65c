// A "Case search" entry in Cockpit's menu: Cockpit lists running process instances only; the case
// search (a page of the application, opened in a new window) finds closed cases too, and each
// case's page has its whole timeline.
import {pageLink} from '../../imr-page-link.js';

export default pageLink({
  id: 'imr-case-search', pluginPoint: 'cockpit.navigation', priority: 50, properties: {label: 'Case search'},
  checkActive: () => false, className: 'imr-case-search-link', href: '/case-search.html', text: 'Case search',
  title: 'Find a case, open or closed, and read its timeline'
});
