// A "Case search" entry in Cockpit's menu: Cockpit lists running process instances only; the case
// search (a page of the application, opened in a new window) finds closed cases too, and each
// case's page has its whole timeline.
export default {
  id: 'imr-case-search',
  pluginPoint: 'cockpit.navigation',
  priority: 50,
  properties: {label: 'Case search'},
  checkActive: () => false,
  render: node => {
    const link = document.createElement('a');
    link.href = '/case-search.html';
    link.target = '_blank';
    link.rel = 'noopener';
    link.className = 'imr-case-search-link';
    link.textContent = 'Case search';
    link.title = 'Find a case, open or closed, and read its timeline';
    node.appendChild(link);
  }
};
