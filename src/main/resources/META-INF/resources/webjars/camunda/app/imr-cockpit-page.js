// A page of the application in Cockpit (the 7.14+ frontend plugin interface): its menu entry
// (cockpit.navigation), hidden until `allowed()` resolves true, so that only those the API lets in
// see it, and its route (cockpit.route) rendered by `renderPage`. Cockpit imports each customScript
// as an ES module, so the SLA and Publication pages import this from their own plugin.js.
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
