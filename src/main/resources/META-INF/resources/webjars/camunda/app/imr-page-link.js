// A link in a webapp's header or menu to a page of the application, opened in a new window: Tasklist's
// "Case file" and "Case search" and Cockpit's "Case search" are each one of these, with their own place,
// words and class (the browser checks find them by it).
export function pageLink({id, pluginPoint, priority, properties, checkActive, className, href, text, title}) {
  return {
    id, pluginPoint, priority, properties, checkActive,
    render: node => {
      const link = document.createElement('a');
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener';
      link.className = className;
      link.textContent = text;
      link.title = title;
      node.appendChild(link);
    }
  };
}
