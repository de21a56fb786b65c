// A "Case search" link in Tasklist's header: intake and supervisors find a case by its number,
// claim number, the employee's name or date of birth, closed cases included, and open its page.
export default {
  id: 'imr-case-search',
  pluginPoint: 'tasklist.navbar.action',
  priority: 60,
  render: node => {
    const link = document.createElement('a');
    link.href = '/case-search.html';
    link.target = '_blank';
    link.rel = 'noopener';
    link.className = 'imr-case-search-link';
    link.textContent = 'Case search';
    link.title = 'Find a case by number, claim number, name or date of birth, open or closed';
    node.appendChild(link);
  }
};
