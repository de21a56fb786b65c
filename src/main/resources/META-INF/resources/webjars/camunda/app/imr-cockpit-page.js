// The set-up of the application's pages in Cockpit. Cockpit imports each customScript as an ES module,
// so the SLA and Publication plugins import this from their own plugin.js.

/** An element with its attributes (`style` as an object) and children (text or nodes). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'style') {
      Object.assign(node.style, value);
    } else {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    node.appendChild(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
  });
  return node;
}

// The application's context path: the webapps live one path segment below it (/camunda by default).
export function contextPath() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

// A page of the application in Cockpit (the 7.14+ frontend plugin interface): its menu entry
// (cockpit.navigation), hidden until `allowed()` resolves true, so that only those the API lets in
// see it, and its route (cockpit.route) rendered by `renderPage`.
export function cockpitPage({id, routeId, label, path, priority, allowed, renderPage}) {
  return [
    {
      id: `${id}-navigation`,
      pluginPoint: 'cockpit.navigation',
      priority,
      properties: {label, path},
      checkActive: location => (location.split('?')[0] || '').endsWith(`#${path}`),
      render: node => {
        const item = node.closest('li') || node;
        item.style.display = 'none';
        const link = document.createElement('a');
        link.href = `#${path}`;
        link.textContent = label;
        node.appendChild(link);
        allowed().then(yes => { item.style.display = yes ? '' : 'none'; }, () => {});
      }
    },
    {
      id: routeId,
      pluginPoint: 'cockpit.route',
      properties: {path, label},
      render: node => { renderPage(node); }
    }
  ];
}
