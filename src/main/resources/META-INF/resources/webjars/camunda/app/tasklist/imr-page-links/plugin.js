// Tasklist's header links to the application's pages. "Case file": intake opens a case's documents
// there to add scanned mail that came while the case waits for its records (no task is open then), and
// anyone on a case can read its documents; the page asks for the case number. "Case search": intake
// and supervisors find a case by its number, claim number, the employee's name or date of birth,
// closed cases included, and open its page.
import {pageLink} from '../../imr-page-link.js';

export default [
  pageLink({
    id: 'imr-case-file', pluginPoint: 'tasklist.navbar.action', priority: 50, className: 'imr-case-file-link',
    href: '/case-file.html', text: 'Case file', title: 'Read a case\'s documents, or add scanned mail to it'
  }),
  pageLink({
    id: 'imr-case-search', pluginPoint: 'tasklist.navbar.action', priority: 60, className: 'imr-case-search-link',
    href: '/case-search.html', text: 'Case search',
    title: 'Find a case by number, claim number, name or date of birth, open or closed'
  })
];
