// A "Case file" link in Tasklist's header: intake opens a case's documents there to add scanned mail
// that came while the case waits for its records (no task is open then), and anyone on a case can
// read its documents. The page asks for the case number (/case-file.html).
export default {
  id: 'imr-case-file',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: node => {
    const link = document.createElement('a');
    link.href = '/case-file.html';
    link.target = '_blank';
    link.rel = 'noopener';
    link.className = 'imr-case-file-link';
    link.textContent = 'Case file';
    link.title = 'Read a case\'s documents, or add scanned mail to it';
    node.appendChild(link);
  }
};
